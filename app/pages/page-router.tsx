import { createPageRouter, PageRoutes } from '@hubspot/ui-extensions/pages';

import { appPages, type AppPage } from './app-pages.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { createPagesLayout } from './PagesLayout.tsx';

/** HubSpot's page router over a list of pages, with a not-found page for any other path. */
export function createHarborPageRouter(pages: readonly AppPage[]) {
  return createPageRouter(
    <PageRoutes layoutComponent={createPagesLayout(pages)}>
      {pages.map((page) => (
        <PageRoutes.Route key={page.id} id={page.id} path={page.path} component={page.component} />
      ))}
      <PageRoutes.AnyRoute id="not-found" component={NotFoundPage} />
    </PageRoutes>,
  );
}

export const PageRouter = createHarborPageRouter(appPages);
