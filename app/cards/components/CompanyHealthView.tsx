import type { CompanyViewWire, HandoffWire } from '@harbor/wire';
import { Divider, Flex } from '@hubspot/ui-extensions';

import { AccountFacts } from './AccountFacts.tsx';
import { ActionPlanSection } from './ActionPlanSection.tsx';
import type { TextTools } from './company-text.ts';
import { ComponentBreakdown } from './ComponentBreakdown.tsx';
import { DriverAndChanges } from './DriverAndChanges.tsx';
import { ExplainScorePanel } from './ExplainScorePanel.tsx';
import { FeedbackSummary } from './FeedbackSummary.tsx';
import type { HandoffActions } from './handoff-commands-api.ts';
import { HandoffsSection } from './HandoffsSection.tsx';
import { HealthActions, type CompanyRecord } from './HealthActions.tsx';
import { NoScoreState } from './NoScoreState.tsx';
import { NpsHistory } from './NpsHistory.tsx';
import type { PlaybookActions } from './playbook-commands-api.ts';
import { PlaybooksSection } from './PlaybooksSection.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';
import { ScoreTrend } from './ScoreTrend.tsx';
import { SignalsSection } from './SignalsSection.tsx';
import { UsageChart } from './UsageChart.tsx';
import type { SignalCommandRunner } from './SignalTile.tsx';

export interface CompanyHealthViewProps {
  view: CompanyViewWire;
  record: CompanyRecord;
  isRescoring: boolean;
  onRescore: () => void;
  onActionError: (errors: string[]) => void;
  onSignalCommand: SignalCommandRunner;
  /** For links to the tasks Harbor created in HubSpot. */
  portalId: number;
  playbookActions: PlaybookActions;
  /** The hand-off requests (finance, automation) and what follows an accepted one. */
  handoffActions: HandoffActions & { onDone: (handoff: HandoffWire) => void };
  tools: TextTools;
}

/** The health tab with its data: pure rendering of one view answer (the browser preview renders it too). */
export function CompanyHealthView({
  view,
  record,
  isRescoring,
  onRescore,
  onActionError,
  onSignalCommand,
  portalId,
  playbookActions,
  handoffActions,
  tools,
}: CompanyHealthViewProps) {
  const { score } = view;
  // Right after the score and next steps: what needs a CSM's action comes before the detail.
  const signals = (
    <SignalsSection
      signals={view.signals}
      now={new Date(view.generatedAt)}
      currency={view.company.contractValue?.currency ?? null}
      onCommand={onSignalCommand}
      tools={tools}
    />
  );
  // What is being done about the signals: the plan's next steps, then the playbooks behind them.
  const actionsTaken = (
    <>
      {view.plan !== null && (
        <>
          <Divider />
          <ActionPlanSection
            plan={view.plan}
            portalId={portalId}
            onReview={playbookActions.reviewPlan}
            tools={tools}
          />
        </>
      )}
      <Divider />
      <PlaybooksSection
        runs={view.playbooks}
        now={new Date(view.generatedAt)}
        portalId={portalId}
        actions={playbookActions}
        tools={tools}
      />
      {view.handoffs !== undefined && (
        <>
          <Divider />
          <HandoffsSection
            block={view.handoffs}
            companyId={view.company.id}
            actions={handoffActions}
            onDone={handoffActions.onDone}
            tools={tools}
          />
        </>
      )}
    </>
  );
  const facts = (
    <AccountFacts
      company={view.company}
      lastSyncAt={view.lastSyncAt}
      now={new Date(view.generatedAt)}
      tools={tools}
    />
  );
  const feedback = (
    <>
      <FeedbackSummary feedback={view.feedback} tools={tools} />
      {view.npsHistory !== undefined && (
        <>
          <Divider />
          <NpsHistory history={view.npsHistory} tools={tools} />
        </>
      )}
    </>
  );
  if (score === null) {
    return (
      <Flex direction="column" gap="md">
        <NoScoreState
          reason={view.noScoreReason ?? 'not_scored'}
          dataGaps={view.dataGaps}
          windowDays={view.feedback.windowDays}
          isRescoring={isRescoring}
          onRescore={onRescore}
          tools={tools}
        />
        <Divider />
        {signals}
        {actionsTaken}
        <Divider />
        {facts}
        <Divider />
        {feedback}
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="md">
      <ScoreSummary score={score} model={view.model} tools={tools} />
      <HealthActions
        record={record}
        isRescoring={isRescoring}
        onRescore={onRescore}
        onActionError={onActionError}
        explain={<ExplainScorePanel model={view.model} tools={tools} />}
        tools={tools}
      />
      <Divider />
      {signals}
      {actionsTaken}
      <Divider />
      <DriverAndChanges topDriver={score.topDriver} changes={score.changes} tools={tools} />
      <Divider />
      <ScoreTrend trend={score.trend} history={view.history} tools={tools} />
      <Divider />
      {view.usage != null && (
        <>
          <UsageChart usage={view.usage} tools={tools} />
          <Divider />
        </>
      )}
      <ComponentBreakdown
        components={score.components}
        dataGaps={view.dataGaps}
        windowDays={view.feedback.windowDays}
        tools={tools}
      />
      <Divider />
      {facts}
      <Divider />
      {feedback}
    </Flex>
  );
}
