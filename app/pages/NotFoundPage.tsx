import { EmptyState, Flex, Text, useExtensionContext } from '@hubspot/ui-extensions';
import { PageLink, PageTitle } from '@hubspot/ui-extensions/pages';
import { useLanguage } from '@harbor/ui';

/** A path no Harbor page answers (an old bookmark): said in the user's language, with the way home. */
export function NotFoundPage() {
  const { t } = useLanguage(useExtensionContext<'pages'>());
  return (
    <>
      <PageTitle>{t('home.notFound.title')}</PageTitle>
      <EmptyState title={t('home.notFound.title')} layout="vertical">
        <Flex direction="column" gap="sm">
          <Text>{t('home.notFound.body')}</Text>
          <PageLink to="/">{t('home.notFound.back')}</PageLink>
        </Flex>
      </EmptyState>
    </>
  );
}
