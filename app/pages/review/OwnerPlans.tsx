import { Button, StatusTag, Text } from '@hubspot/ui-extensions';
import { formatDate } from '@harbor/i18n';
import type { ActionPlanWire, ReviewOwnerWire } from '@harbor/wire';

import { SectionTable } from '../components/SectionTable.tsx';
import { CompanyLink } from '../portfolio/CompanyLink.tsx';
import { formatScore, type Speech } from '../portfolio/portfolio-format.ts';
import { nextStepText, playbooksText, signalText } from './review-format.ts';

/** Where a "Mark reviewed" stands for one company. */
export type ReviewMark = { state: 'saving' } | { state: 'failed'; code: string };

export interface OwnerPlansProps extends Speech {
  owner: ReviewOwnerWire;
  portalId: number;
  marks: ReadonlyMap<string, ReviewMark>;
  onMarkReviewed: (companyId: string) => void;
}

function ReviewAction({
  plan,
  mark,
  onMarkReviewed,
  t,
}: { plan: ActionPlanWire; mark: ReviewMark | undefined; onMarkReviewed: (companyId: string) => void } & Pick<
  Speech,
  't'
>) {
  return (
    <>
      <Button
        testId={`review-${plan.companyId}`}
        size="extra-small"
        disabled={mark?.state === 'saving'}
        onClick={() => {
          onMarkReviewed(plan.companyId);
        }}
      >
        {mark?.state === 'saving' ? t('review.reviewing') : t('review.markReviewed')}
      </Button>
      {mark?.state === 'failed' ? (
        <Text variant="microcopy">{t('review.reviewFailed', { code: mark.code })}</Text>
      ) : null}
    </>
  );
}

/** One owner's at-risk and expansion accounts, each with its plan and a way to mark it reviewed. */
export function OwnerPlans({ owner, portalId, marks, onMarkReviewed, t, format }: OwnerPlansProps) {
  const speech = { t, format };
  const plans = [...owner.atRisk, ...owner.expansion];
  const name = owner.ownerName ?? owner.ownerId ?? t('review.owner.none');
  return (
    <SectionTable
      title={name}
      emptyText={t('review.none')}
      testId={`owner-plans-${owner.ownerId ?? 'none'}`}
      intro={
        <Text testId={`owner-summary-${owner.ownerId ?? 'none'}`}>
          {t('review.owner.summary', {
            atRisk: owner.atRisk.length,
            expansion: owner.expansion.length,
            stale: owner.stalePlans,
            escalated: owner.escalatedSignals,
          })}
        </Text>
      }
      columns={[
        {
          header: t('review.column.company'),
          cell: (plan) => (
            <CompanyLink
              company={{ companyId: plan.companyId, name: plan.companyName }}
              portalId={portalId}
              t={t}
            />
          ),
        },
        { header: t('review.column.plan'), cell: (plan) => t(`review.kind.${plan.kind}`) },
        { header: t('review.column.score'), cell: (plan) => formatScore(plan.score, speech) },
        {
          header: t('review.column.signals'),
          cell: (plan) =>
            plan.signals.length === 0
              ? t('review.none')
              : plan.signals.map((signal) => signalText(signal, speech)).join('; '),
        },
        { header: t('review.column.playbooks'), cell: (plan) => playbooksText(plan, speech) },
        { header: t('review.column.nextStep'), cell: (plan) => nextStepText(plan.nextSteps[0], speech) },
        {
          header: t('review.column.reviewed'),
          cell: (plan) =>
            plan.lastReviewedAt === null ? t('review.never') : formatDate(plan.lastReviewedAt, format),
        },
        {
          header: t('review.column.status'),
          cell: (plan) =>
            plan.stale ? (
              <StatusTag variant="warning">{t('review.stale')}</StatusTag>
            ) : (
              <StatusTag variant="success">{t('review.current')}</StatusTag>
            ),
        },
        {
          header: t('review.column.action'),
          cell: (plan) => (
            <ReviewAction
              plan={plan}
              mark={marks.get(plan.companyId)}
              onMarkReviewed={onMarkReviewed}
              t={t}
            />
          ),
        },
      ]}
      rows={plans}
      rowKey={(plan) => plan.companyId}
    />
  );
}
