import { Button, ErrorState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';

import type { HarborApiError } from './harbor-fetch.ts';
import type { LanguageTools } from './use-language.ts';

export function HarborLoading({ t }: Pick<LanguageTools, 't'>) {
  return <LoadingSpinner label={t('state.loading')} showLabel layout="centered" />;
}

/** What went wrong in words a CSM can act on, and a retry. */
export function HarborError({
  error,
  reload,
  t,
}: { error: HarborApiError; reload: () => void } & Pick<LanguageTools, 't'>) {
  const message =
    error.code === 'PORTAL_NOT_INSTALLED'
      ? t('state.error.notInstalled')
      : error.code === 'UNREACHABLE'
        ? t('state.error.unreachable')
        : t('state.error.generic', { code: error.code });
  return (
    <ErrorState title={t('state.error.title')}>
      <Flex direction="column" gap="sm">
        <Text>{message}</Text>
        <Button onClick={reload}>{t('state.error.retry')}</Button>
      </Flex>
    </ErrorState>
  );
}
