import { BarChart, Heading, Text, Tile } from '@hubspot/ui-extensions';
import type { HomeSegmentTiersWire } from '@harbor/wire';

import type { Speech } from './portfolio-format.ts';

const tiers = ['healthy', 'watch', 'at_risk'] as const;

/** How many companies of each segment sit in each tier, stacked per segment. */
export function TierDistribution({ segments, t }: { segments: readonly HomeSegmentTiersWire[] } & Speech) {
  const noData = t('home.tiers.noData');
  const label = { healthy: t('tier.healthy'), watch: t('tier.watch'), at_risk: t('tier.at_risk') };
  const rows = segments.flatMap((entry) => [
    ...tiers.map((tier) => ({ segment: entry.segment, tier: label[tier], companies: entry[tier] })),
    ...(entry.noData > 0 ? [{ segment: entry.segment, tier: noData, companies: entry.noData }] : []),
  ]);
  return (
    <Tile>
      <Heading>{t('home.tiers.title')}</Heading>
      {rows.length === 0 ? (
        <Text>{t('home.value.none')}</Text>
      ) : (
        <BarChart
          testId="tier-distribution"
          data={rows}
          axes={{
            x: { field: 'segment', fieldType: 'category', label: t('home.tiers.segment') },
            y: { field: 'companies', fieldType: 'linear', label: t('home.tiers.companies') },
            options: {
              groupFieldByColor: 'tier',
              stacking: true,
              colors: {
                [label.healthy]: 'green',
                [label.watch]: 'yellow',
                [label.at_risk]: 'darkOrange',
                [noData]: 'blue',
              },
            },
          }}
          options={{ showLegend: true, showTooltips: true }}
        />
      )}
    </Tile>
  );
}
