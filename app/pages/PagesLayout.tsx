import { useExtensionContext } from '@hubspot/ui-extensions';
import { PageHeader, usePageRoute, type PageRoutesLayoutProps } from '@hubspot/ui-extensions/pages';
import { useLanguage } from '@harbor/ui';

import type { AppPage } from './app-pages.ts';

/** Every page's frame: the header links to Harbor's other pages (no header while there is only one). */
export function createPagesLayout(pages: readonly AppPage[]) {
  return function PagesLayout({ children }: PageRoutesLayoutProps) {
    const { t } = useLanguage(useExtensionContext<'pages'>());
    const { routeId } = usePageRoute();
    const others = pages.filter((page) => page.id !== routeId);
    return (
      <>
        {pages.length < 2 ? null : (
          <PageHeader>
            <PageHeader.SecondaryActions>
              {others.map((page) => (
                <PageHeader.PageLink key={page.id} to={page.path}>
                  {t(page.title)}
                </PageHeader.PageLink>
              ))}
            </PageHeader.SecondaryActions>
          </PageHeader>
        )}
        {children}
      </>
    );
  };
}
