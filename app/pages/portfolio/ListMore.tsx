import { Text } from '@hubspot/ui-extensions';
import { formatNumber } from '@harbor/i18n';

import type { Speech } from './portfolio-format.ts';

/** Under a capped list: how much of it is shown, when not all. */
export function ListMore({ shown, total, t, format }: { shown: number; total: number } & Speech) {
  if (total <= shown) return null;
  return (
    <Text variant="microcopy">
      {t('home.list.more', { shown: formatNumber(shown, format), total: formatNumber(total, format) })}
    </Text>
  );
}
