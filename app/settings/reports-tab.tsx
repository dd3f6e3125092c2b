import type { Translate } from '@harbor/i18n';
import { HarborError, HarborLoading } from '@harbor/ui';
import {
  reportPeriods,
  retentionMetrics,
  type HandoffDestinationName,
  type RetentionMetric,
} from '@harbor/wire';
import {
  Alert,
  Button,
  Divider,
  Flex,
  Heading,
  Input,
  LoadingButton,
  NumberInput,
  Select,
  Text,
} from '@hubspot/ui-extensions';

import { fieldError } from './field-error.ts';
import {
  addTarget,
  handoffDestinations,
  removeTarget,
  routeIdOf,
  routeKindOf,
  setRoute,
  setSurvey,
  setTarget,
  targetShown,
  type ReportDraft,
  type RouteKind,
} from './report-settings-draft.ts';
import { TextListEditor } from './text-list-editor.tsx';
import type { ReportSettingsState } from './use-report-settings.ts';

export interface ReportsTabProps {
  reports: ReportSettingsState;
  editable: boolean;
  t: Translate;
}

const routeKinds: readonly RouteKind[] = ['none', 'owner', 'team', 'queue'];

function SaveRow({ reports, editable, t }: ReportsTabProps) {
  if (!editable) return null;
  const { dirty, save, errors } = reports;
  return (
    <Flex direction="column" gap="sm">
      {Object.keys(errors).length > 0 && (
        <Alert title={t('settings.save.invalidTitle')} variant="error" testId="reports-invalid">
          {t('settings.reports.save.invalid')}
        </Alert>
      )}
      {save.state === 'failed' && (
        <Alert title={t('settings.actions.save.failedTitle')} variant="error" testId="reports-failed">
          {t('settings.save.failedBody', { code: save.code })}
        </Alert>
      )}
      {save.state === 'done' && !dirty && (
        <Alert
          title={t('settings.save.doneTitle', { version: save.result.version })}
          variant="success"
          testId="reports-saved"
        >
          {t('settings.reports.save.doneBody')}
        </Alert>
      )}
      {dirty && <Text variant="microcopy">{t('settings.reports.save.unsaved')}</Text>}
      <Flex direction="row" gap="sm">
        <LoadingButton
          testId="save-reports"
          variant="primary"
          loading={save.state === 'busy'}
          disabled={!dirty}
          onClick={reports.onSave}
        >
          {t('settings.reports.save.button')}
        </LoadingButton>
        <Button
          testId="discard-reports"
          disabled={!dirty || save.state === 'busy'}
          onClick={reports.onDiscard}
        >
          {t('settings.save.discard')}
        </Button>
      </Flex>
    </Flex>
  );
}

/**
 * The Reports tab: retention targets per segment and metric, the period the alerts watch, the survey
 * programme and its NPS alerts, where each hand-off goes, and the product digest. Its own draft and save.
 */
export function ReportsTab(props: ReportsTabProps) {
  const { reports, editable, t } = props;
  const { data, draft, errors } = reports;
  if (data.state === 'loading') return <HarborLoading t={t} />;
  if (data.state === 'error') return <HarborError error={data.error} reload={data.reload} t={t} />;
  if (draft === undefined) return null;
  const edit = (update: (current: ReportDraft) => ReportDraft) => {
    reports.onEdit(update);
  };
  const segmentOptions = [
    { label: t('settings.reports.targets.all'), value: 'all' },
    ...data.data.segments.map((segment) => ({ label: segment, value: segment })),
  ];
  const metricOptions = retentionMetrics.map((metric) => ({
    label: t(`settings.reports.metric.${metric}`),
    value: metric,
  }));
  const routeSelect = (name: HandoffDestinationName) => {
    const destination = draft.routing[name];
    const kind = routeKindOf(destination);
    const idPath =
      kind === 'none'
        ? ''
        : `routing.${name}.${kind === 'owner' ? 'ownerId' : kind === 'team' ? 'teamId' : 'queueId'}`;
    return (
      <Flex key={name} direction="row" gap="sm" align="end">
        <Select
          testId={`routing.${name}`}
          name={`routing.${name}`}
          label={t(`settings.reports.routing.${name}`)}
          options={routeKinds.map((value) => ({ label: t(`settings.reports.routing.kind.${value}`), value }))}
          value={kind}
          readOnly={!editable}
          onChange={(picked) => {
            edit((current) => setRoute(current, name, picked as RouteKind, routeIdOf(current.routing[name])));
          }}
        />
        {kind !== 'none' && (
          <Input
            testId={idPath}
            name={idPath}
            label={t(`settings.reports.routing.id.${kind}`)}
            value={routeIdOf(destination)}
            readOnly={!editable}
            {...fieldError(errors, idPath, t)}
            onChange={(typed) => {
              edit((current) => setRoute(current, name, kind, typed));
            }}
          />
        )}
      </Flex>
    );
  };
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.reports.help')}</Text>
      <SaveRow {...props} />

      <Heading>{t('settings.reports.targets.title')}</Heading>
      <Text variant="microcopy">{t('settings.reports.targets.help')}</Text>
      {draft.targets.length === 0 && <Text testId="targets-none">{t('settings.reports.targets.none')}</Text>}
      {draft.targets.map((target, index) => {
        const path = `targets.${index}`;
        const isNps = target.metric === 'nps';
        return (
          <Flex key={index} direction="row" gap="sm" align="end" testId={`${path}.row`}>
            <Select
              testId={`${path}.segment`}
              name={`${path}.segment`}
              label={t('settings.reports.targets.segment')}
              options={
                segmentOptions.some((option) => option.value === target.segment)
                  ? segmentOptions
                  : [...segmentOptions, { label: target.segment, value: target.segment }]
              }
              value={target.segment}
              readOnly={!editable}
              {...fieldError(errors, `${path}.segment`, t)}
              onChange={(picked) => {
                edit((current) => setTarget(current, index, { segment: String(picked) }));
              }}
            />
            <Select
              testId={`${path}.metric`}
              name={`${path}.metric`}
              label={t('settings.reports.targets.metric')}
              options={metricOptions}
              value={target.metric}
              readOnly={!editable}
              {...fieldError(errors, `${path}.metric`, t)}
              onChange={(picked) => {
                edit((current) => setTarget(current, index, { metric: picked as RetentionMetric }));
              }}
            />
            <NumberInput
              testId={`${path}.target`}
              name={`${path}.target`}
              label={isNps ? t('settings.reports.targets.points') : t('settings.reports.targets.percent')}
              value={targetShown(target.metric, target.target)}
              precision={isNps ? 0 : 2}
              readOnly={!editable}
              {...fieldError(errors, `${path}.target`, t)}
              onChange={(shown) => {
                edit((current) => setTarget(current, index, { shown }));
              }}
            />
            {editable && (
              <Button
                testId={`${path}.remove`}
                variant="transparent"
                onClick={() => {
                  edit((current) => removeTarget(current, index));
                }}
              >
                {t('settings.reports.targets.remove')}
              </Button>
            )}
          </Flex>
        );
      })}
      {editable && (
        <Flex direction="row">
          <Button
            testId="targets.add"
            onClick={() => {
              edit(addTarget);
            }}
          >
            {t('settings.reports.targets.add')}
          </Button>
        </Flex>
      )}

      <Divider />
      <Heading>{t('settings.reports.alerts.title')}</Heading>
      <Select
        testId="alertPeriod"
        name="alertPeriod"
        label={t('settings.reports.alertPeriod')}
        description={t('settings.reports.alertPeriod.help')}
        options={reportPeriods.map((period) => ({
          label: t(`settings.reports.period.${period}`),
          value: period,
        }))}
        value={draft.alertPeriod}
        readOnly={!editable}
        onChange={(picked) => {
          edit((current) => ({ ...current, alertPeriod: picked as ReportDraft['alertPeriod'] }));
        }}
      />

      <Divider />
      <Heading>{t('settings.reports.survey.title')}</Heading>
      <Select
        testId="survey.cadence"
        name="survey.cadence"
        label={t('settings.reports.survey.cadence')}
        description={t('settings.reports.survey.cadence.help')}
        options={(['quarterly', 'half-yearly'] as const).map((cadence) => ({
          label: t(`settings.reports.survey.${cadence}`),
          value: cadence,
        }))}
        value={draft.survey.cadence}
        readOnly={!editable}
        onChange={(picked) => {
          edit((current) => setSurvey(current, { cadence: picked as ReportDraft['survey']['cadence'] }));
        }}
      />
      <Flex direction="row" gap="sm" wrap="wrap">
        <NumberInput
          testId="survey.minimumResponses"
          name="survey.minimumResponses"
          label={t('settings.reports.survey.minimumResponses')}
          description={t('settings.reports.survey.minimumResponses.help')}
          value={draft.survey.minimumResponses}
          precision={0}
          readOnly={!editable}
          {...fieldError(errors, 'survey.minimumResponses', t)}
          onChange={(value) => {
            edit((current) => setSurvey(current, { minimumResponses: value }));
          }}
        />
        <NumberInput
          testId="survey.npsAlertBelow"
          name="survey.npsAlertBelow"
          label={t('settings.reports.survey.npsAlertBelow')}
          value={draft.survey.npsAlertBelow}
          precision={0}
          readOnly={!editable}
          {...fieldError(errors, 'survey.npsAlertBelow', t)}
          onChange={(value) => {
            edit((current) => setSurvey(current, { npsAlertBelow: value }));
          }}
        />
        <NumberInput
          testId="survey.detractorRiseAlertPp"
          name="survey.detractorRiseAlertPp"
          label={t('settings.reports.survey.detractorRiseAlertPp')}
          description={t('settings.reports.survey.detractorRiseAlertPp.help')}
          value={draft.survey.detractorRiseAlertPp}
          precision={1}
          readOnly={!editable}
          {...fieldError(errors, 'survey.detractorRiseAlertPp', t)}
          onChange={(value) => {
            edit((current) => setSurvey(current, { detractorRiseAlertPp: value }));
          }}
        />
      </Flex>

      <Divider />
      <Heading>{t('settings.reports.routing.title')}</Heading>
      <Text variant="microcopy">{t('settings.reports.routing.help')}</Text>
      {handoffDestinations.map(routeSelect)}

      <Divider />
      <Heading>{t('settings.reports.digest.title')}</Heading>
      <TextListEditor
        testId="digest.featureRequestCategories"
        label={t('settings.reports.digest.categories')}
        help={t('settings.reports.digest.categories.help')}
        values={draft.digest.featureRequestCategories}
        editable={editable}
        errors={errors}
        path="digest.featureRequestCategories"
        onChange={(values) => {
          edit((current) => ({
            ...current,
            digest: { ...current.digest, featureRequestCategories: values },
          }));
        }}
        t={t}
      />
      <Select
        testId="digest.deliverAs"
        name="digest.deliverAs"
        label={t('settings.reports.digest.deliverAs')}
        options={(['task', 'note'] as const).map((value) => ({
          label: t(`settings.reports.digest.${value}`),
          value,
        }))}
        value={draft.digest.deliverAs}
        readOnly={!editable}
        onChange={(picked) => {
          edit((current) => ({
            ...current,
            digest: { ...current.digest, deliverAs: picked as ReportDraft['digest']['deliverAs'] },
          }));
        }}
      />
    </Flex>
  );
}
