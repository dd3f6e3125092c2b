import { HarborApiError, HarborError, HarborLoading, useLanguage } from '@harbor/ui';
import { hubspot, type AddAlertAction } from '@hubspot/ui-extensions';
import { useCallback, useMemo, useState } from 'react';

import { CompanyHealthView } from './components/CompanyHealthView.tsx';
import { requestRescore, type CompanyCardContext } from './components/company-view-api.ts';
import { requestHandoff } from './components/handoff-commands-api.ts';
import { handoffDoneMessage } from './components/handoff-text.ts';
import { NoScoreState } from './components/NoScoreState.tsx';
import {
  markPlanReviewed,
  sendPlaybookCommand,
  startPlaybook,
  type PlaybookActions,
} from './components/playbook-commands-api.ts';
import { playbookDoneMessage } from './components/playbook-text.ts';
import { sendSignalCommand } from './components/signal-commands-api.ts';
import { commandDoneMessage } from './components/signal-text.ts';
import type { SignalCommandRunner } from './components/SignalTile.tsx';
import { useCompanyView } from './components/use-company-view.ts';

hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <CompanyHealthTab context={context} actions={actions} />
));

/** The company record's health tab: loads the view, rescoring on demand; rendering lives in the components. */
export function CompanyHealthTab({
  context,
  actions,
}: {
  context: CompanyCardContext;
  actions: { addAlert: AddAlertAction };
}) {
  const tools = useLanguage(context);
  const { t } = tools;
  const data = useCompanyView(context);
  const [isRescoring, setIsRescoring] = useState(false);
  const reload = data.state === 'loading' ? undefined : data.reload;
  const { addAlert } = actions;

  const rescore = useCallback(() => {
    setIsRescoring(true);
    requestRescore(context).then(
      () => {
        addAlert({ type: 'success', message: t('company.rescore.started') });
        setIsRescoring(false);
        reload?.();
      },
      (error: unknown) => {
        const code = error instanceof HarborApiError ? error.code : 'UNEXPECTED';
        addAlert(
          code === 'CONFLICT'
            ? { type: 'warning', message: t('company.rescore.busy') }
            : { type: 'danger', message: t('company.rescore.failed', { code }) },
        );
        setIsRescoring(false);
      },
    );
  }, [context, addAlert, t, reload]);

  const onActionError = useCallback(
    (errors: string[]) => {
      addAlert({ type: 'warning', message: t('company.actions.unavailable', { reason: errors.join('; ') }) });
    },
    [addAlert, t],
  );

  // A refusal rejects, so the signal's tile shows it next to the form; success confirms and reloads the view.
  const runSignalCommand = useCallback<SignalCommandRunner>(
    async (signal, command) => {
      const updated = await sendSignalCommand(context, signal.id, command);
      addAlert({ type: 'success', message: commandDoneMessage(command.kind, updated, tools) });
      reload?.();
    },
    [context, addAlert, tools, reload],
  );

  // Like the signal commands: a refusal rejects to the control that asked; success confirms and reloads.
  const playbookActions = useMemo<PlaybookActions>(() => {
    const companyId = String(context.crm.objectId);
    const done = (message: string) => {
      addAlert({ type: 'success', message });
      reload?.();
    };
    return {
      start: async (playbook) => {
        const run = await startPlaybook(context, companyId, playbook);
        done(playbookDoneMessage({ kind: 'start' }, run, tools));
      },
      command: async (run, command) => {
        const updated = await sendPlaybookCommand(context, run.id, command);
        done(playbookDoneMessage(command, updated, tools));
      },
      reviewPlan: async (note) => {
        await markPlanReviewed(context, companyId, note);
        done(t('actionPlan.done.review'));
      },
    };
  }, [context, addAlert, tools, t, reload]);

  // A hand-off request: the alert says what became of it (a task, or logged as not routed); the list reloads.
  const handoffActions = useMemo(
    () => ({
      request: (body: Parameters<typeof requestHandoff>[1]) => requestHandoff(context, body),
      onDone: (handoff: Parameters<typeof handoffDoneMessage>[0]) => {
        addAlert({
          type: handoff.outcome === 'created' ? 'success' : 'warning',
          message: handoffDoneMessage(handoff, tools),
        });
        reload?.();
      },
    }),
    [context, addAlert, tools, reload],
  );

  if (data.state === 'loading') return <HarborLoading t={t} />;
  if (data.state === 'error') return <HarborError error={data.error} reload={data.reload} t={t} />;
  if (data.data === null) {
    return (
      <NoScoreState
        reason="not_found"
        dataGaps={[]}
        windowDays={0}
        isRescoring={isRescoring}
        onRescore={rescore}
        tools={tools}
      />
    );
  }
  return (
    <CompanyHealthView
      view={data.data}
      record={{ objectId: Number(context.crm.objectId), objectTypeId: context.crm.objectTypeId }}
      isRescoring={isRescoring || data.isReloading}
      onRescore={rescore}
      onActionError={onActionError}
      onSignalCommand={runSignalCommand}
      portalId={context.portal.id}
      playbookActions={playbookActions}
      handoffActions={handoffActions}
      tools={tools}
    />
  );
}
