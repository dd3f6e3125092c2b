import type {
  ComponentId,
  HarborWorkflowsWire,
  HealthModel,
  ModelVersionWire,
  SettingsViewWire,
} from '@harbor/wire';
import { formatDateTime, type FormatOptions, type Translate } from '@harbor/i18n';
import type { HarborData } from '@harbor/ui';
import { Alert, Flex, Tab, Tabs, Text } from '@hubspot/ui-extensions';

import type { ActionState } from './action-state.ts';
import { ActionTabFrame } from './action-tab-frame.tsx';
import { AutomationsTab } from './automations-tab.tsx';
import { CalibrationTab, type Decision } from './calibration-tab.tsx';
import { HistoryTab } from './history-tab.tsx';
import { IndicatorsTab, type CustomIndicatorHandlers } from './indicators-tab.tsx';
import type { FieldErrors, PropertyFact, TierField } from './model-draft.ts';
import { ModelTab } from './model-tab.tsx';
import { PlaybooksTab } from './playbooks-tab.tsx';
import { PropertiesTab } from './properties-tab.tsx';
import { ReportsTab } from './reports-tab.tsx';
import { SaveBar } from './save-bar.tsx';
import { SignalsTab, taskLanguageName } from './signals-tab.tsx';
import type { ActionSettings } from './use-action-settings.ts';
import type { ReportSettingsState } from './use-report-settings.ts';
import { UsageDataTab, type UsageDataKeys } from './usage-data-tab.tsx';
import { WorkflowsTab } from './workflows-tab.tsx';

export interface SettingsScreenProps {
  view: SettingsViewWire;
  /** The model as edited so far (the active one when nothing was changed). */
  draft: HealthModel;
  dirty: boolean;
  editable: boolean;
  /** Why editing is off: Harbor does not know the user, or HubSpot does not let them manage apps. */
  readOnlyReason: 'notPortalUser' | 'noPermission' | undefined;
  errors: FieldErrors;
  save: ActionState<{ version: number }>;
  rescore: ActionState;
  calibration: ActionState;
  decision: { proposalId: number; decision: Decision; state: ActionState<{ version?: number }> } | undefined;
  history: { versions: readonly ModelVersionWire[]; hasOlder: boolean; older: ActionState };
  onSegmentProperty: (property: string) => void;
  onDwellDays: (days: number) => void;
  onWeight: (segment: string, component: ComponentId, value: number) => void;
  onTier: (segment: string, field: TierField, value: number) => void;
  onCurve: (indicatorId: string, curve: [number, number][]) => void;
  custom: CustomIndicatorHandlers;
  onFact: (fact: PropertyFact, property: string | null) => void;
  /** Any other change to the draft; the editors pass the model-draft function that makes it. */
  onEdit: (update: (model: HealthModel) => HealthModel) => void;
  onSave: () => void;
  onDiscard: () => void;
  onRescore: () => void;
  onRunCalibration: () => void;
  onDecide: (proposalId: number, decision: Decision) => void;
  onShowOlderHistory: () => void;
  /** The Signals, Automations and Playbooks tabs: their own settings, draft and save. */
  actions: ActionSettings;
  /** The Workflows tab: Harbor's ready-made HubSpot workflows, loaded apart (HubSpot is asked). */
  workflows: HarborData<HarborWorkflowsWire>;
  /** The Usage data tab: the portal's ingest keys, loaded apart. */
  usageData: UsageDataKeys;
  /** The Reports tab: targets, alerts, surveys, routing and the digest, with their own draft and save. */
  reports: ReportSettingsState;
  t: Translate;
  format: FormatOptions;
}

/** Which tab shows the field behind an error path. */
function errorTabs(errors: FieldErrors, t: Translate): string[] {
  const tabs = new Set<string>();
  for (const path of Object.keys(errors)) {
    if (path.startsWith('properties') || path === 'support.escalationProperty')
      tabs.add(t('settings.tab.properties'));
    else if (/^(curves|customIndicators|support|payment|sentiment)\b/.test(path))
      tabs.add(t('settings.tab.indicators'));
    else tabs.add(t('settings.tab.model'));
  }
  return [...tabs];
}

/** The whole settings page once its data is there: ten tabs, each with a line saying what it is for. */
export function SettingsScreen(props: SettingsScreenProps) {
  const { view, draft, editable, errors, t, format } = props;
  const { active } = view;
  const segments = Object.keys(active.model.segments);
  const actionFrame = { actions: props.actions, editable, t };
  return (
    <Flex direction="column" gap="md">
      <Text>{t('settings.intro')}</Text>
      <Text variant="microcopy">
        {t('settings.activeVersion', {
          version: active.version,
          date: formatDateTime(active.createdAt, format),
          source: t(`settings.source.${active.source}`),
        })}
      </Text>
      {props.readOnlyReason !== undefined && (
        <Alert title={t('settings.readOnly.title')} variant="info" testId="read-only">
          {props.readOnlyReason === 'noPermission'
            ? t('settings.readOnly.noPermission')
            : t('settings.readOnly.notPortalUser')}
        </Alert>
      )}
      {/* Above the tabs: edits on any tab are saved together. */}
      <SaveBar
        editable={editable}
        dirty={props.dirty}
        errorTabs={errorTabs(errors, t)}
        save={props.save}
        rescore={props.rescore}
        onSave={props.onSave}
        onDiscard={props.onDiscard}
        onRescore={props.onRescore}
        t={t}
      />
      <Tabs defaultSelected="model">
        <Tab tabId="model" title={t('settings.tab.model')}>
          <ModelTab
            model={draft}
            properties={view.companyProperties.properties}
            propertiesUnavailable={view.companyProperties.source === 'unavailable'}
            editable={editable}
            errors={errors}
            onSegmentProperty={props.onSegmentProperty}
            onDwellDays={props.onDwellDays}
            onWeight={props.onWeight}
            onTier={props.onTier}
            onEdit={props.onEdit}
            t={t}
          />
        </Tab>
        <Tab tabId="indicators" title={t('settings.tab.indicators')}>
          <IndicatorsTab
            model={draft}
            properties={view.companyProperties.properties}
            editable={editable}
            errors={errors}
            onCurve={props.onCurve}
            custom={props.custom}
            onEdit={props.onEdit}
            t={t}
            format={format}
          />
        </Tab>
        <Tab tabId="properties" title={t('settings.tab.properties')}>
          <PropertiesTab
            model={draft}
            mappedProperties={view.mappedProperties}
            properties={view.companyProperties.properties}
            editable={editable}
            errors={errors}
            onFact={props.onFact}
            onEdit={props.onEdit}
            t={t}
          />
        </Tab>
        <Tab tabId="signals" title={t('settings.tab.signals')}>
          <ActionTabFrame tab="signals" {...actionFrame}>
            {(actionDraft) => (
              <SignalsTab
                draft={actionDraft}
                segments={segments}
                properties={view.companyProperties.properties}
                editable={editable}
                errors={props.actions.errors}
                onEdit={props.actions.onEdit}
                t={t}
              />
            )}
          </ActionTabFrame>
        </Tab>
        <Tab tabId="automations" title={t('settings.tab.automations')}>
          <ActionTabFrame tab="automations" {...actionFrame}>
            {(actionDraft) => (
              <AutomationsTab
                draft={actionDraft}
                timeZone={format.timeZone}
                editable={editable}
                errors={props.actions.errors}
                onEdit={props.actions.onEdit}
                t={t}
              />
            )}
          </ActionTabFrame>
        </Tab>
        <Tab tabId="playbooks" title={t('settings.tab.playbooks')}>
          <ActionTabFrame tab="playbooks" {...actionFrame}>
            {(actionDraft, actionView) => (
              <PlaybooksTab
                draft={actionDraft}
                shipped={actionView.defaultPlaybooks}
                shippedLanguage={taskLanguageName(actionView.signals.routing.taskLanguage)}
                segments={segments}
                editable={editable}
                errors={props.actions.errors}
                onEdit={props.actions.onEdit}
                t={t}
              />
            )}
          </ActionTabFrame>
        </Tab>
        <Tab tabId="calibration" title={t('settings.tab.calibration')}>
          <CalibrationTab
            proposals={view.proposals}
            model={active.model}
            editable={editable}
            run={props.calibration}
            decision={props.decision}
            onRun={props.onRunCalibration}
            onDecide={props.onDecide}
            t={t}
            format={format}
          />
        </Tab>
        <Tab tabId="workflows" title={t('settings.tab.workflows')}>
          <WorkflowsTab workflows={props.workflows} t={t} />
        </Tab>
        <Tab tabId="usage-data" title={t('settings.tab.usageData')}>
          <UsageDataTab usage={props.usageData} editable={editable} t={t} format={format} />
        </Tab>
        <Tab tabId="reports" title={t('settings.tab.reports')}>
          <ReportsTab reports={props.reports} editable={editable} t={t} />
        </Tab>
        <Tab tabId="history" title={t('settings.tab.history')}>
          <HistoryTab
            versions={props.history.versions}
            hasOlder={props.history.hasOlder}
            older={props.history.older}
            onShowOlder={props.onShowOlderHistory}
            t={t}
            format={format}
          />
        </Tab>
      </Tabs>
    </Flex>
  );
}
