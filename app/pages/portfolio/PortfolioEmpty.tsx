import { Button, EmptyState, Flex, Text } from '@hubspot/ui-extensions';

import type { Speech } from './portfolio-format.ts';

/** Nothing scored yet: what happens next, and who can check it. */
export function PortfolioEmpty({ reload, t }: { reload: () => void } & Pick<Speech, 't'>) {
  return (
    <EmptyState title={t('home.empty.title')} imageName="companies" layout="vertical">
      <Flex direction="column" gap="sm">
        <Text>{t('home.empty.body')}</Text>
        <Button onClick={reload}>{t('home.empty.retry')}</Button>
      </Flex>
    </EmptyState>
  );
}
