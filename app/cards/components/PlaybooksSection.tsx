import type { PlaybookRunWire } from '@harbor/wire';
import { Accordion, Flex, Heading, Text } from '@hubspot/ui-extensions';

import type { TextTools } from './company-text.ts';
import type { PlaybookActions } from './playbook-commands-api.ts';
import { endedLine, playbookTitle, progressText, splitRuns } from './playbook-text.ts';
import { PlaybookRunTile } from './PlaybookRunTile.tsx';
import { StartPlaybookForm } from './StartPlaybookForm.tsx';

/** The company's running playbooks with their steps, a way to start another, and what ended lately. */
export function PlaybooksSection({
  runs,
  now,
  portalId,
  actions,
  tools,
}: {
  runs: readonly PlaybookRunWire[];
  now: Date;
  portalId: number;
  actions: PlaybookActions;
  tools: TextTools;
}) {
  const { t } = tools;
  const { running, ended } = splitRuns(runs, now);
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('playbook.section.title')}</Heading>
      {running.length === 0 ? (
        <Text testId="playbooks-empty">{t('playbook.section.empty')}</Text>
      ) : (
        running.map((run) => (
          <PlaybookRunTile
            key={run.id}
            run={run}
            now={now}
            portalId={portalId}
            onCommand={actions.command}
            tools={tools}
          />
        ))
      )}
      <StartPlaybookForm running={running.map((run) => run.playbook)} onStart={actions.start} tools={tools} />
      {ended.length > 0 && (
        <Accordion
          title={t('playbook.ended.title', { count: ended.length })}
          defaultOpen={false}
          size="sm"
          testId="playbooks-ended"
        >
          <Flex direction="column" gap="xs">
            {ended.map((run) => (
              <Flex key={run.id} direction="column" gap="flush">
                <Text format={{ fontWeight: 'demibold' }} testId={`playbook-ended-${run.id}`}>
                  {`${playbookTitle(run.playbook, tools)} · ${progressText(run, tools)}`}
                </Text>
                <Text variant="microcopy" testId={`playbook-ended-how-${run.id}`}>
                  {endedLine(run, tools)}
                </Text>
              </Flex>
            ))}
          </Flex>
        </Accordion>
      )}
    </Flex>
  );
}
