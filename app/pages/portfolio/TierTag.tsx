import { StatusTag, Text } from '@hubspot/ui-extensions';
import type { Tier } from '@harbor/wire';

import { tierName, tierVariant, type Speech } from './portfolio-format.ts';

export function TierTag({ tier, t }: { tier: Tier | null } & Pick<Speech, 't'>) {
  if (tier === null) return <Text>{tierName(null, t)}</Text>;
  return <StatusTag variant={tierVariant[tier]}>{tierName(tier, t)}</StatusTag>;
}
