import { componentIds, componentWeights, type HealthModel, type SettingsProposalWire } from '@harbor/wire';
import { formatDate, formatNumber, type FormatOptions, type Translate } from '@harbor/i18n';
import { Alert, Button, Divider, Flex, LoadingButton, StatusTag, Text } from '@hubspot/ui-extensions';

import type { ActionState } from './action-state.ts';
import { ReportCardTable } from './report-card-table.tsx';

export type Decision = 'apply' | 'dismiss';

export interface CalibrationTabProps {
  proposals: readonly SettingsProposalWire[];
  model: HealthModel;
  editable: boolean;
  run: ActionState;
  decision: { proposalId: number; decision: Decision; state: ActionState<{ version?: number }> } | undefined;
  onRun: () => void;
  onDecide: (proposalId: number, decision: Decision) => void;
  t: Translate;
  format: FormatOptions;
}

const statusVariant = { proposed: 'info', applied: 'success', dismissed: 'default' } as const;

function WeightChanges({
  proposal,
  model,
  t,
  format,
}: { proposal: SettingsProposalWire; model: HealthModel } & Pick<CalibrationTabProps, 't' | 'format'>) {
  if (proposal.report === null) return null;
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'bold' }}>{t('settings.calibration.weights')}</Text>
      {Object.entries(proposal.report.weights).map(([segment, proposed]) => {
        const current = componentWeights(model.segments[segment]?.weights ?? {});
        const parts = componentIds
          .filter((id) => (proposed[id] ?? 0) > 0 || current[id] > 0)
          .map((id) =>
            t('settings.calibration.weightChange', {
              component: t(`component.${id}`),
              current: formatNumber(current[id], format),
              proposed: formatNumber(proposed[id] ?? 0, format),
            }),
          );
        return (
          <Text key={segment} variant="microcopy">
            {t('settings.calibration.segmentWeights', { segment, weights: parts.join(' · ') })}
          </Text>
        );
      })}
    </Flex>
  );
}

/** Fitting the weights to the portal's own churn history, the report card, and applying or dismissing. */
export function CalibrationTab(props: CalibrationTabProps) {
  const { proposals, model, editable, run, decision, t, format } = props;
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.calibration.help')}</Text>
      {editable && (
        <Flex direction="row" gap="sm">
          <LoadingButton testId="run-calibration" loading={run.state === 'busy'} onClick={props.onRun}>
            {t('settings.calibration.run')}
          </LoadingButton>
        </Flex>
      )}
      {run.state === 'failed' && (
        <Alert title={t('settings.calibration.failedTitle')} variant="error">
          {run.code === 'VALIDATION_FAILED'
            ? t('settings.calibration.notEnough')
            : t('settings.calibration.failedBody', { code: run.code })}
        </Alert>
      )}
      {decision?.state.state === 'failed' && (
        <Alert title={t('settings.decision.failedTitle')} variant="error">
          {t('settings.decision.failedBody', { code: decision.state.code })}
        </Alert>
      )}
      {decision?.state.state === 'done' && (
        <Alert
          title={
            decision.decision === 'apply'
              ? t('settings.decision.appliedTitle')
              : t('settings.decision.dismissedTitle')
          }
          variant="success"
        >
          {decision.decision === 'apply'
            ? t('settings.decision.appliedBody', { version: decision.state.result.version ?? 0 })
            : t('settings.decision.dismissedBody')}
        </Alert>
      )}
      {proposals.length === 0 && <Text>{t('settings.calibration.none')}</Text>}
      {proposals.map((proposal) => {
        const busy = decision?.proposalId === proposal.id && decision.state.state === 'busy';
        return (
          <Flex key={proposal.id} direction="column" gap="sm" testId={`proposal-${proposal.id}`}>
            <Divider />
            <Flex direction="row" gap="sm" align="center">
              <Text format={{ fontWeight: 'bold' }}>
                {t('settings.calibration.proposal', {
                  id: proposal.id,
                  date: formatDate(proposal.createdAt, format),
                  who: proposal.createdByName ?? proposal.createdBy,
                })}
              </Text>
              <StatusTag variant={statusVariant[proposal.status]}>
                {t(`settings.proposalStatus.${proposal.status}`)}
              </StatusTag>
            </Flex>
            {proposal.report === null ? (
              <Text>{t('settings.calibration.noReport')}</Text>
            ) : (
              <>
                <Text>
                  {proposal.report.recommendation.apply
                    ? t('settings.calibration.recommendApply')
                    : t('settings.calibration.recommendKeep')}
                </Text>
                <Text variant="microcopy">
                  {t('settings.calibration.basis', {
                    cases: formatNumber(proposal.report.cases, format),
                    heldOut: formatNumber(proposal.report.heldOutCases, format),
                    leadDays: proposal.report.leadDays,
                  })}
                </Text>
                <ReportCardTable
                  testId={`report-${proposal.id}`}
                  current={proposal.report.current}
                  proposed={proposal.report.proposed}
                  t={t}
                  format={format}
                />
                <WeightChanges proposal={proposal} model={model} t={t} format={format} />
              </>
            )}
            {editable && proposal.status === 'proposed' && (
              <Flex direction="row" gap="sm">
                {proposal.report !== null && (
                  <LoadingButton
                    testId={`apply-${proposal.id}`}
                    variant="primary"
                    loading={busy && decision.decision === 'apply'}
                    disabled={busy}
                    onClick={() => {
                      props.onDecide(proposal.id, 'apply');
                    }}
                  >
                    {t('settings.calibration.apply')}
                  </LoadingButton>
                )}
                <Button
                  testId={`dismiss-${proposal.id}`}
                  disabled={busy}
                  onClick={() => {
                    props.onDecide(proposal.id, 'dismiss');
                  }}
                >
                  {t('settings.calibration.dismiss')}
                </Button>
              </Flex>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}
