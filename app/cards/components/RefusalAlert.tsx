import { Alert, Flex, Text } from '@hubspot/ui-extensions';

import type { Refusal } from './playbook-commands-api.ts';

/** A refusal shown beside the control that asked: what it means for the CSM, then the service's words. */
export function RefusalAlert({ refusal, testId }: { refusal: Refusal; testId: string }) {
  return (
    <Alert variant="error" title={refusal.title} testId={testId}>
      <Flex direction="column" gap="xs">
        <Text>{refusal.text}</Text>
        {refusal.detail !== null && <Text variant="microcopy">{refusal.detail}</Text>}
      </Flex>
    </Alert>
  );
}
