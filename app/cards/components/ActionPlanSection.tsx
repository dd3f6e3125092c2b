import { formatDate } from '@harbor/i18n';
import { stalePlanDays, type PlanSummaryWire } from '@harbor/wire';
import {
  Alert,
  Button,
  Flex,
  Heading,
  Link,
  List,
  LoadingButton,
  Tag,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { useState } from 'react';

import type { TextTools } from './company-text.ts';
import { refusalOf, type PlaybookActions, type Refusal } from './playbook-commands-api.ts';
import { hubspotTaskUrl, lastReviewedLine } from './playbook-text.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

type NextStep = PlanSummaryWire['nextSteps'][number];

function NextStepLine({
  step,
  index,
  portalId,
  tools,
}: {
  step: NextStep;
  index: number;
  portalId: number;
  tools: TextTools;
}) {
  const { t, format } = tools;
  return (
    <Flex direction="row" gap="xs" align="center" wrap="wrap">
      <Text format={{ fontWeight: 'demibold' }} testId={`plan-step-${index}`}>
        {step.title}
      </Text>
      <Text variant="microcopy" testId={`plan-step-due-${index}`}>
        {step.dueAt === null
          ? t('actionPlan.step.noDue')
          : t('actionPlan.step.due', { date: formatDate(step.dueAt, format) })}
      </Text>
      {step.overdue && (
        <Tag variant="error" testId={`plan-step-overdue-${index}`}>
          {t('actionPlan.step.overdue')}
        </Tag>
      )}
      {step.hubspotTaskId !== null && (
        <Link href={{ url: hubspotTaskUrl(portalId, step.hubspotTaskId), external: true }}>
          {t('playbook.step.taskLink')}
        </Link>
      )}
    </Flex>
  );
}

/** Why the account has a plan, its next steps, whether it is current, and the owner's "I reviewed it". */
export function ActionPlanSection({
  plan,
  portalId,
  onReview,
  tools,
}: {
  plan: PlanSummaryWire;
  portalId: number;
  onReview: PlaybookActions['reviewPlan'];
  tools: TextTools;
}) {
  const { t } = tools;
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const review = () => {
    setSending(true);
    setRefusal(null);
    onReview(note.trim()).then(
      () => {
        setSending(false);
        setWriting(false);
        setNote('');
      },
      (error: unknown) => {
        setSending(false);
        setRefusal(refusalOf(error, tools));
      },
    );
  };

  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="xs" align="center">
        <Heading>{t('actionPlan.title')}</Heading>
        <Tag variant={plan.kind === 'at_risk' ? 'error' : 'success'} testId="plan-kind">
          {t(`actionPlan.kind.${plan.kind}`)}
        </Tag>
      </Flex>
      <Text testId="plan-why">{t(`actionPlan.why.${plan.kind}`)}</Text>
      {plan.stale && (
        <Alert variant="warning" title={t('actionPlan.stale', { count: stalePlanDays })} testId="plan-stale">
          {t('actionPlan.staleHint')}
        </Alert>
      )}
      <Text format={{ fontWeight: 'demibold' }}>{t('actionPlan.nextSteps')}</Text>
      {plan.nextSteps.length === 0 ? (
        <Text variant="microcopy" testId="plan-no-steps">
          {t('actionPlan.noSteps')}
        </Text>
      ) : (
        <List variant="unordered">
          {plan.nextSteps.map((step, index) => (
            <NextStepLine
              key={`${step.playbookRunId ?? 'task'}-${index}`}
              step={step}
              index={index}
              portalId={portalId}
              tools={tools}
            />
          ))}
        </List>
      )}
      <Text variant="microcopy" testId="plan-last-reviewed">
        {lastReviewedLine(plan, tools)}
      </Text>
      {writing ? (
        <Flex direction="column" gap="xs">
          <TextArea
            label={t('actionPlan.reviewNote')}
            name="plan-review-note"
            value={note}
            onChange={setNote}
            onInput={setNote}
            maxLength={1_000}
            rows={2}
            testId="plan-review-note"
          />
          <Flex direction="row" gap="xs">
            <LoadingButton size="sm" loading={sending} onClick={review} testId="plan-review-submit">
              {t('actionPlan.reviewConfirm')}
            </LoadingButton>
            <Button
              size="sm"
              variant="transparent"
              onClick={() => {
                setWriting(false);
                setRefusal(null);
              }}
            >
              {t('playbook.form.back')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Flex direction="row">
          <Button
            size="sm"
            variant={plan.stale ? 'primary' : 'secondary'}
            onClick={() => {
              setWriting(true);
            }}
            testId="plan-review"
          >
            {t('actionPlan.review')}
          </Button>
        </Flex>
      )}
      {refusal !== null && <RefusalAlert refusal={refusal} testId="plan-review-refusal" />}
    </Flex>
  );
}
