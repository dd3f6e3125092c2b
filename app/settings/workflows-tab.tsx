import { harborWorkflowsWire, type HarborWorkflowState, type HarborWorkflowsWire } from '@harbor/wire';
import type { Translate } from '@harbor/i18n';
import {
  harborFetch,
  HarborError,
  HarborLoading,
  useHarborData,
  type HarborContext,
  type HarborData,
} from '@harbor/ui';
import {
  Alert,
  Flex,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';

/** Loads GET /api/workflows: the shipped workflows and their state in this portal. */
export function useHarborWorkflows(context: HarborContext): HarborData<HarborWorkflowsWire> {
  return useHarborData(
    () => harborFetch(context, '/api/workflows', harborWorkflowsWire),
    [context.portal.id, context.user.id],
  );
}

const stateVariant: Record<HarborWorkflowState, 'default' | 'success' | 'warning' | 'info'> = {
  missing: 'default',
  installed: 'info',
  enabled: 'success',
  drifted: 'warning',
  unknown: 'default',
};

export interface WorkflowsTabProps {
  workflows: HarborData<HarborWorkflowsWire>;
  t: Translate;
}

/** Read-only: workflows are installed from the CLI and turned on in HubSpot, never from here. */
export function WorkflowsTab({ workflows, t }: WorkflowsTabProps) {
  if (workflows.state === 'loading') return <HarborLoading t={t} />;
  if (workflows.state === 'error')
    return <HarborError error={workflows.error} reload={workflows.reload} t={t} />;
  const { source, workflows: rows } = workflows.data;
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.workflows.help')}</Text>
      {source === 'unavailable' && (
        <Alert
          title={t('settings.workflows.unavailable.title')}
          variant="warning"
          testId="workflows-unavailable"
        >
          {t('settings.workflows.unavailable')}
        </Alert>
      )}
      <Table bordered testId="workflows">
        <TableHead>
          <TableRow>
            <TableHeader>{t('settings.workflows.name')}</TableHeader>
            <TableHeader>{t('settings.workflows.what')}</TableHeader>
            <TableHeader>{t('settings.workflows.state')}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((workflow) => (
            <TableRow key={workflow.key}>
              <TableCell>{workflow.name}</TableCell>
              <TableCell>
                <Flex direction="column" gap="xs">
                  <Text>{workflow.description}</Text>
                  {workflow.state === 'drifted' && (
                    <Text variant="microcopy">
                      {t('settings.workflows.drifted', { fields: workflow.driftedFields.join(', ') })}
                    </Text>
                  )}
                </Flex>
              </TableCell>
              <TableCell>
                <StatusTag variant={stateVariant[workflow.state]} testId={`workflow-state-${workflow.key}`}>
                  {t(`settings.workflows.state.${workflow.state}`)}
                </StatusTag>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
}
