import type { MessageKey } from '@harbor/i18n';
import type { ComponentType } from 'react';

import { CohortsPage } from './cohorts/CohortsPage.tsx';
import { DigestPage } from './digest/DigestPage.tsx';
import { NpsPage } from './nps/NpsPage.tsx';
import { PortfolioPage } from './portfolio/PortfolioPage.tsx';
import { RetentionPage } from './retention/RetentionPage.tsx';
import { WeeklyReviewPage } from './review/WeeklyReviewPage.tsx';
import { OpenSignalsPage } from './signals/OpenSignalsPage.tsx';
import { StrategyPage } from './strategy/StrategyPage.tsx';

export interface AppPage {
  /** The route id (unique; HubSpot's router refuses duplicates). */
  id: string;
  /** Path inside the app's pages; `/` is the home page. */
  path: string;
  /** The page's name in the header's navigation. */
  title: MessageKey;
  component: ComponentType<Record<string, never>>;
}

/**
 * Harbor's app pages, the home page first. A new page (signals, playbooks, reports) is one more entry
 * here: the router and the header's navigation are built from this list.
 */
export const appPages: readonly AppPage[] = [
  { id: 'portfolio', path: '/', title: 'home.nav.portfolio', component: PortfolioPage },
  { id: 'review', path: '/review', title: 'review.nav.review', component: WeeklyReviewPage },
  { id: 'signals', path: '/signals', title: 'review.nav.signals', component: OpenSignalsPage },
  { id: 'retention', path: '/retention', title: 'retention.nav.retention', component: RetentionPage },
  { id: 'strategy', path: '/strategy', title: 'retention.nav.strategy', component: StrategyPage },
  { id: 'cohorts', path: '/cohorts', title: 'cohorts.nav', component: CohortsPage },
  { id: 'nps', path: '/nps', title: 'nps.nav.nps', component: NpsPage },
  { id: 'digest', path: '/digest', title: 'digest.nav', component: DigestPage },
];
