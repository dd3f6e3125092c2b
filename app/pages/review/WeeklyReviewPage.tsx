import { useExtensionContext } from '@hubspot/ui-extensions';
import { PageBreadcrumbs, PageTitle } from '@hubspot/ui-extensions/pages';
import { planSummaryWire, weeklyReviewWire } from '@harbor/wire';
import {
  harborFetch,
  HarborApiError,
  HarborError,
  HarborLoading,
  useHarborData,
  useLanguage,
} from '@harbor/ui';
import { useState } from 'react';

import type { ReviewMark } from './OwnerPlans.tsx';
import { WeeklyReviewView } from './WeeklyReviewView.tsx';

/**
 * The home page's weekly review: fetches it, and marks a plan reviewed (then fetches the review again, so
 * the plan shows as current with the date the service recorded).
 */
export function WeeklyReviewPage() {
  const context = useExtensionContext<'pages'>();
  const { t, format } = useLanguage(context);
  const data = useHarborData(() => harborFetch(context, '/api/review', weeklyReviewWire), []);
  const [marks, setMarks] = useState<ReadonlyMap<string, ReviewMark>>(new Map());

  const setMark = (companyId: string, mark: ReviewMark | undefined) => {
    setMarks((current) => {
      const next = new Map(current);
      if (mark === undefined) next.delete(companyId);
      else next.set(companyId, mark);
      return next;
    });
  };
  const markReviewed = (companyId: string) => {
    setMark(companyId, { state: 'saving' });
    harborFetch(context, `/api/plans/${companyId}/review`, planSummaryWire, {
      method: 'POST',
      body: {},
    }).then(
      () => {
        setMark(companyId, undefined);
        if (data.state !== 'loading') data.reload();
      },
      (error: unknown) => {
        setMark(companyId, {
          state: 'failed',
          code: error instanceof HarborApiError ? error.code : 'UNEXPECTED',
        });
      },
    );
  };

  const title = t('review.title');
  return (
    <>
      <PageBreadcrumbs>
        <PageBreadcrumbs.Current>{title}</PageBreadcrumbs.Current>
      </PageBreadcrumbs>
      <PageTitle>{title}</PageTitle>
      {data.state === 'loading' ? (
        <HarborLoading t={t} />
      ) : data.state === 'error' ? (
        <HarborError error={data.error} reload={data.reload} t={t} />
      ) : (
        <WeeklyReviewView
          review={data.data}
          portalId={context.portal.id}
          marks={marks}
          onMarkReviewed={markReviewed}
          reload={data.reload}
          t={t}
          format={format}
        />
      )}
    </>
  );
}
