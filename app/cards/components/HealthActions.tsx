import { Button, Flex, Heading, LoadingButton } from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import type { ReactNode } from 'react';

import type { TextTools } from './company-text.ts';

/** The company's record coordinates, for HubSpot's own task, meeting and email tools. */
export interface CompanyRecord {
  objectId: number;
  objectTypeId: string;
}

/**
 * What a CSM does next: HubSpot's task, meeting and email tools on this company, rescoring, and the
 * explanation (`explain` is the overlay the button opens).
 */
export function HealthActions({
  record,
  isRescoring,
  onRescore,
  onActionError,
  explain,
  tools,
}: {
  record: CompanyRecord;
  isRescoring: boolean;
  onRescore: () => void;
  onActionError: (errors: string[]) => void;
  explain: ReactNode;
  tools: TextTools;
}) {
  const { t } = tools;
  const context = { objectId: record.objectId, objectTypeId: record.objectTypeId };
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('company.actions.title')}</Heading>
      <Flex direction="row" gap="sm" wrap="wrap">
        <CrmActionButton
          actionType="ADD_TASK"
          actionContext={context}
          onError={onActionError}
          variant="primary"
        >
          {t('company.actions.addTask')}
        </CrmActionButton>
        <CrmActionButton actionType="SCHEDULE_MEETING" actionContext={context} onError={onActionError}>
          {t('company.actions.scheduleMeeting')}
        </CrmActionButton>
        <CrmActionButton actionType="SEND_EMAIL" actionContext={context} onError={onActionError}>
          {t('company.actions.sendEmail')}
        </CrmActionButton>
        <LoadingButton loading={isRescoring} onClick={onRescore} testId="rescore">
          {t('company.actions.rescore')}
        </LoadingButton>
        <Button variant="transparent" overlay={explain} testId="explain">
          {t('company.actions.explain')}
        </Button>
      </Flex>
    </Flex>
  );
}
