import { Button, EmptyState, Flex, Text } from '@hubspot/ui-extensions';
import { formatDate } from '@harbor/i18n';
import type { WeeklyReviewWire } from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { EscalatedRisks } from './EscalatedRisks.tsx';
import { OwnerPlans, type ReviewMark } from './OwnerPlans.tsx';

export interface WeeklyReviewViewProps extends Speech {
  review: WeeklyReviewWire;
  portalId: number;
  marks: ReadonlyMap<string, ReviewMark>;
  onMarkReviewed: (companyId: string) => void;
  reload: () => void;
}

/** The review from one answer: escalated risks on top, then each owner's plans. */
export function WeeklyReviewView({
  review,
  portalId,
  marks,
  onMarkReviewed,
  reload,
  t,
  format,
}: WeeklyReviewViewProps) {
  const plans = review.owners.flatMap((owner) => [...owner.atRisk, ...owner.expansion]);
  const companyNames = new Map(plans.map((plan) => [plan.companyId, plan.companyName]));
  const ownerNames = new Map(
    review.owners.flatMap((owner) => (owner.ownerId === null ? [] : [[owner.ownerId, owner.ownerName]])),
  );
  const tasksLine =
    review.lastReviewTasksAt === null
      ? t('review.noTasksYet')
      : t('review.lastTasks', { date: formatDate(review.lastReviewTasksAt, format) });
  if (review.owners.length === 0 && review.escalated.length === 0) {
    return (
      <EmptyState title={t('review.empty.title')} imageName="task" layout="vertical">
        <Flex direction="column" gap="sm">
          <Text>{t('review.empty.body')}</Text>
          <Button onClick={reload}>{t('review.empty.retry')}</Button>
        </Flex>
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="md">
      <Text>{t('review.intro')}</Text>
      <Text variant="microcopy" testId="review-tasks-line">
        {tasksLine}
      </Text>
      <EscalatedRisks
        signals={review.escalated}
        companyNames={companyNames}
        ownerNames={ownerNames}
        portalId={portalId}
        t={t}
        format={format}
      />
      {review.owners.map((owner) => (
        <OwnerPlans
          key={owner.ownerId ?? 'none'}
          owner={owner}
          portalId={portalId}
          marks={marks}
          onMarkReviewed={onMarkReviewed}
          t={t}
          format={format}
        />
      ))}
    </Flex>
  );
}
