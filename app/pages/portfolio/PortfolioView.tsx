import { Flex } from '@hubspot/ui-extensions';
import type { HomeViewWire } from '@harbor/wire';

import { AtRiskTable } from './AtRiskTable.tsx';
import { BacktestHeadline } from './BacktestHeadline.tsx';
import { PortfolioAlerts } from './PortfolioAlerts.tsx';
import { PortfolioEmpty } from './PortfolioEmpty.tsx';
import type { Speech } from './portfolio-format.ts';
import { TierChanges } from './TierChanges.tsx';
import { TierDistribution } from './TierDistribution.tsx';
import { UpcomingRenewals } from './UpcomingRenewals.tsx';

export interface PortfolioViewProps extends Speech {
  view: HomeViewWire;
  portalId: number;
  atRiskPage: { page: number; pageCount: number; loading: boolean; onPageChange: (page: number) => void };
  reload: () => void;
}

/** The portfolio from one answer of the home view: every section is drawn from props alone. */
export function PortfolioView({ view, portalId, atRiskPage, reload, t, format }: PortfolioViewProps) {
  if (view.scoredCompanies === 0) return <PortfolioEmpty reload={reload} t={t} />;
  const speech = { t, format };
  return (
    <Flex direction="column" gap="md">
      <PortfolioAlerts alerts={view.portfolioAlerts} {...speech} />
      <TierDistribution segments={view.tiersBySegment} {...speech} />
      <AtRiskTable
        companies={view.atRisk.companies}
        total={view.atRisk.total}
        contractValueAtRisk={view.atRisk.contractValueAtRisk}
        currency={view.currency}
        portalId={portalId}
        page={atRiskPage.page}
        pageCount={atRiskPage.pageCount}
        onPageChange={atRiskPage.onPageChange}
        loadingPage={atRiskPage.loading}
        {...speech}
      />
      <TierChanges
        companies={view.tierChanges.companies}
        total={view.tierChanges.total}
        portalId={portalId}
        {...speech}
      />
      <UpcomingRenewals
        companies={view.renewals.companies}
        total={view.renewals.total}
        portalId={portalId}
        asOf={view.generatedAt}
        currency={view.currency}
        {...speech}
      />
      <BacktestHeadline backtest={view.backtest} {...speech} />
    </Flex>
  );
}
