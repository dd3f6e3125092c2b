import type { MessageKey } from '@harbor/i18n';
import type { ComponentType } from 'react';

import { PortfolioPage } from './portfolio/PortfolioPage.tsx';
import { WeeklyReviewPage } from './review/WeeklyReviewPage.tsx';
import { OpenSignalsPage } from './signals/OpenSignalsPage.tsx';

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
];
