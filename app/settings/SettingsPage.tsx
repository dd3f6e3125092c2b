import {
  calibrationReportWire,
  modelSavedWire,
  proposalDecisionWire,
  rescoreStartedWire,
  settingsHistoryPageWire,
  settingsViewWire,
  type HealthModel,
  type ModelVersionWire,
} from '@harbor/wire';
import {
  harborFetch,
  HarborApiError,
  HarborError,
  HarborLoading,
  useHarborData,
  useLanguage,
  type HarborContext,
} from '@harbor/ui';
import { hubspot } from '@hubspot/ui-extensions';
import { useState } from 'react';

import { idle, type ActionState } from './action-state.ts';
import type { Decision } from './calibration-tab.tsx';
import {
  addCustomIndicator,
  removeCustomIndicator,
  setComponentWeight,
  setCurve,
  setCustomKind,
  setFactProperty,
  setTierBand,
  setValuePoints,
  updateCustomIndicator,
  validateDraft,
  type FieldErrors,
} from './model-draft.ts';
import { SettingsScreen } from './settings-screen.tsx';
import { useActionSettings } from './use-action-settings.ts';
import { useReportSettings } from './use-report-settings.ts';
import { useUsageDataKeys } from './usage-data-tab.tsx';
import { useHarborWorkflows } from './workflows-tab.tsx';

/** HubSpot's settings context: who, where, and the permissions HubSpot grants the user in this portal. */
export type SettingsPageContext = HarborContext & {
  user: HarborContext['user'] & { permissions?: readonly string[] | undefined };
};

/** The permission HubSpot gives people who may manage the portal's apps (the only one it exposes). */
export const managePermission = 'integrations-management-write';

const codeOf = (error: unknown): string => (error instanceof HarborApiError ? error.code : 'UNEXPECTED');

interface DecisionState {
  proposalId: number;
  decision: Decision;
  state: ActionState<{ version?: number }>;
}

/**
 * Harbor's settings page. It loads everything in one request, keeps the admin's edits as a draft of the
 * model, and saves through PUT /api/health/model after checking the draft with the API's own schema.
 */
export function SettingsPage({ context }: { context: SettingsPageContext }) {
  const { t, format } = useLanguage(context);
  const data = useHarborData(
    () => harborFetch(context, '/api/views/settings', settingsViewWire),
    [context.portal.id, context.user.id],
  );
  const [edit, setEdit] = useState<{ version: number; model: HealthModel } | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<ActionState<{ version: number }>>(idle);
  const [rescore, setRescore] = useState<ActionState>(idle);
  const [calibration, setCalibration] = useState<ActionState>(idle);
  const [decision, setDecision] = useState<DecisionState | undefined>();
  const [older, setOlder] = useState<
    { forVersion: number; versions: ModelVersionWire[]; before: string | null } | undefined
  >();
  const [olderState, setOlderState] = useState<ActionState>(idle);
  const actions = useActionSettings(context);
  const workflows = useHarborWorkflows(context);
  const usageData = useUsageDataKeys(context);
  const reports = useReportSettings(context);

  if (data.state === 'loading') return <HarborLoading t={t} />;
  if (data.state === 'error') return <HarborError error={data.error} reload={data.reload} t={t} />;

  const view = data.data;
  const activeVersion = view.active.version;
  // A draft belongs to the version it started from: once another version is active, it is gone.
  const current = edit?.version === activeVersion ? edit : undefined;
  const dirty = current !== undefined;
  const draft = current?.model ?? view.active.model;
  const hasPermission = context.user.permissions?.includes(managePermission) ?? false;
  const editable = view.canEdit && hasPermission;
  const readOnlyReason = !hasPermission ? 'noPermission' : !view.canEdit ? 'notPortalUser' : undefined;
  const olderPages = older?.forVersion === activeVersion ? older : undefined;

  const change = (update: (model: HealthModel) => HealthModel) => {
    const next = update(draft);
    setEdit({ version: activeVersion, model: next });
    // Once a save showed errors, they follow the edits, so a fixed field loses its message at once.
    if (Object.keys(errors).length > 0) setErrors(validateDraft(next).errors ?? {});
  };

  const onSave = () => {
    const checked = validateDraft(draft);
    if (checked.errors !== undefined) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSave({ state: 'busy' });
    harborFetch(context, '/api/health/model', modelSavedWire, {
      method: 'PUT',
      body: { model: checked.model },
    }).then(
      (saved) => {
        setSave({ state: 'done', result: { version: saved.version } });
        setRescore(idle);
        setEdit(undefined);
        data.reload();
      },
      (error: unknown) => {
        setSave({ state: 'failed', code: codeOf(error) });
      },
    );
  };

  const onRescore = () => {
    setRescore({ state: 'busy' });
    harborFetch(context, '/api/health/rescore', rescoreStartedWire, { method: 'POST' }).then(
      () => {
        setRescore({ state: 'done', result: true });
      },
      (error: unknown) => {
        setRescore({ state: 'failed', code: codeOf(error) });
      },
    );
  };

  const onRunCalibration = () => {
    setCalibration({ state: 'busy' });
    harborFetch(context, '/api/health/calibrations', calibrationReportWire, { method: 'POST' }).then(
      () => {
        setCalibration({ state: 'done', result: true });
        data.reload();
      },
      (error: unknown) => {
        setCalibration({ state: 'failed', code: codeOf(error) });
      },
    );
  };

  const onDecide = (proposalId: number, choice: Decision) => {
    setDecision({ proposalId, decision: choice, state: { state: 'busy' } });
    harborFetch(context, `/api/health/proposals/${proposalId}/${choice}`, proposalDecisionWire, {
      method: 'POST',
    }).then(
      (answer) => {
        setDecision({
          proposalId,
          decision: choice,
          state: { state: 'done', result: 'version' in answer ? { version: answer.version } : {} },
        });
        data.reload();
      },
      (error: unknown) => {
        setDecision({ proposalId, decision: choice, state: { state: 'failed', code: codeOf(error) } });
      },
    );
  };

  const before = olderPages === undefined ? view.history.before : olderPages.before;
  const onShowOlderHistory = () => {
    if (before === null) return;
    setOlderState({ state: 'busy' });
    harborFetch(context, '/api/views/settings/history', settingsHistoryPageWire, { query: { before } }).then(
      (page) => {
        setOlder({
          forVersion: activeVersion,
          versions: [...(olderPages?.versions ?? []), ...page.versions],
          before: page.before,
        });
        setOlderState(idle);
      },
      (error: unknown) => {
        setOlderState({ state: 'failed', code: codeOf(error) });
      },
    );
  };

  return (
    <SettingsScreen
      view={view}
      draft={draft}
      dirty={dirty}
      editable={editable}
      readOnlyReason={readOnlyReason}
      errors={errors}
      save={save}
      rescore={rescore}
      calibration={calibration}
      decision={decision}
      history={{
        versions: [...view.history.versions, ...(olderPages?.versions ?? [])],
        hasOlder: before !== null,
        older: olderState,
      }}
      onSegmentProperty={(property) => {
        change((model) => ({ ...model, segmentation: { ...model.segmentation, property } }));
      }}
      onDwellDays={(days) => {
        change((model) => ({ ...model, minDwellDays: days }));
      }}
      onWeight={(segment, component, value) => {
        change((model) => setComponentWeight(model, segment, component, value));
      }}
      onTier={(segment, field, value) => {
        change((model) => setTierBand(model, segment, field, value));
      }}
      onCurve={(id, curve) => {
        change((model) => setCurve(model, { kind: 'builtIn', id }, curve));
      }}
      custom={{
        onAdd: () => {
          const numeric = view.companyProperties.properties.find((property) => property.type === 'number');
          change((model) =>
            addCustomIndicator(
              model,
              numeric?.name ?? model.segmentation.property,
              t('settings.custom.newLabel'),
            ),
          );
        },
        onRemove: (index) => {
          change((model) => removeCustomIndicator(model, index));
        },
        onLabel: (index, label) => {
          change((model) => updateCustomIndicator(model, index, (indicator) => ({ ...indicator, label })));
        },
        onProperty: (index, property) => {
          change((model) => updateCustomIndicator(model, index, (indicator) => ({ ...indicator, property })));
        },
        onKind: (index, kind) => {
          change((model) => setCustomKind(model, index, kind));
        },
        onCurve: (index, curve) => {
          change((model) => setCurve(model, { kind: 'custom', index }, curve));
        },
        onPoints: (index, value, points) => {
          change((model) => setValuePoints(model, index, value, points));
        },
      }}
      onFact={(fact, property) => {
        change((model) => setFactProperty(model, fact, property));
      }}
      onEdit={change}
      onSave={onSave}
      onDiscard={() => {
        setEdit(undefined);
        setErrors({});
      }}
      onRescore={onRescore}
      onRunCalibration={onRunCalibration}
      onDecide={onDecide}
      onShowOlderHistory={onShowOlderHistory}
      actions={actions}
      workflows={workflows}
      usageData={usageData}
      reports={reports}
      t={t}
      format={format}
    />
  );
}

hubspot.extend<'settings'>(({ context }) => <SettingsPage context={context} />);
