import { formatDate, type FormatOptions, type Translate } from '@harbor/i18n';
import {
  harborFetch,
  HarborApiError,
  HarborError,
  HarborLoading,
  useHarborData,
  type HarborContext,
  type HarborData,
} from '@harbor/ui';
import {
  ingestKeyCreatedWire,
  ingestKeyListWire,
  ingestKeyWire,
  type IngestKeyCreatedWire,
  type IngestKeyListWire,
} from '@harbor/wire';
import {
  Alert,
  Button,
  Flex,
  Input,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { useState } from 'react';

import { idle, type ActionState } from './action-state.ts';

export interface UsageDataKeys {
  keys: HarborData<IngestKeyListWire>;
  /** The key just created: shown until the page is left, never again. */
  action: ActionState<IngestKeyCreatedWire | undefined>;
  create: (name: string) => void;
  revoke: (id: number) => void;
}

const failedCode = (error: unknown) => (error instanceof HarborApiError ? error.code : 'UNREACHABLE');

/** The portal's ingest keys, and creating and revoking them (each reloads the list). */
export function useUsageDataKeys(context: HarborContext): UsageDataKeys {
  const keys = useHarborData(
    () => harborFetch(context, '/api/settings/ingest-keys', ingestKeyListWire),
    [context.portal.id, context.user.id],
  );
  const [action, setAction] = useState<ActionState<IngestKeyCreatedWire | undefined>>(idle);
  const run = (request: () => Promise<IngestKeyCreatedWire | undefined>) => {
    setAction({ state: 'busy' });
    request().then(
      (result) => {
        setAction({ state: 'done', result });
        if (keys.state !== 'loading') keys.reload();
      },
      (error: unknown) => {
        setAction({ state: 'failed', code: failedCode(error) });
      },
    );
  };
  return {
    keys,
    action,
    create: (name) => {
      run(() =>
        harborFetch(context, '/api/settings/ingest-keys', ingestKeyCreatedWire, {
          method: 'POST',
          body: { name },
        }),
      );
    },
    revoke: (id) => {
      run(async () => {
        await harborFetch(context, `/api/settings/ingest-keys/${id}/revoke`, ingestKeyWire, {
          method: 'POST',
        });
        return undefined;
      });
    },
  };
}

export interface UsageDataTabProps {
  usage: UsageDataKeys;
  editable: boolean;
  t: Translate;
  format: FormatOptions;
}

/** Ingest keys: make one for the product (shown once), see which exist by prefix, revoke one. */
export function UsageDataTab({ usage, editable, t, format }: UsageDataTabProps) {
  const [name, setName] = useState('');
  const { keys, action } = usage;
  if (keys.state === 'loading') return <HarborLoading t={t} />;
  if (keys.state === 'error') return <HarborError error={keys.error} reload={keys.reload} t={t} />;
  const created = action.state === 'done' ? action.result : undefined;
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.usageData.help')}</Text>
      {created !== undefined && (
        <Alert title={t('settings.usageData.created.title')} variant="success" testId="usage-key-created">
          <Flex direction="column" gap="xs">
            <Text format={{ fontWeight: 'bold' }} testId="usage-key-secret">
              {created.secret}
            </Text>
            <Text variant="microcopy">{t('settings.usageData.created')}</Text>
          </Flex>
        </Alert>
      )}
      {action.state === 'failed' && (
        <Alert
          title={t('settings.usageData.failed', { code: action.code })}
          variant="danger"
          testId="usage-key-failed"
        />
      )}
      {editable && (
        <Flex direction="row" gap="sm" align="end">
          <Input
            testId="usage-key-name"
            name="usage-key-name"
            label={t('settings.usageData.name')}
            placeholder={t('settings.usageData.namePlaceholder')}
            value={name}
            onChange={setName}
          />
          <Button
            testId="usage-key-create"
            variant="primary"
            disabled={name.trim().length < 3 || action.state === 'busy'}
            onClick={() => {
              usage.create(name.trim());
              setName('');
            }}
          >
            {t('settings.usageData.create')}
          </Button>
        </Flex>
      )}
      {keys.data.keys.length === 0 ? (
        <Text testId="usage-keys-none">{t('settings.usageData.none')}</Text>
      ) : (
        <Table bordered testId="usage-keys">
          <TableHead>
            <TableRow>
              <TableHeader>{t('settings.usageData.name')}</TableHeader>
              <TableHeader>{t('settings.usageData.prefix')}</TableHeader>
              <TableHeader>{t('settings.usageData.createdAt')}</TableHeader>
              <TableHeader>{t('settings.usageData.status')}</TableHeader>
              <TableHeader>{''}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.data.keys.map((key) => (
              <TableRow key={key.id}>
                <TableCell>{key.name}</TableCell>
                <TableCell>{`${key.prefix}…`}</TableCell>
                <TableCell>{formatDate(key.createdAt, format)}</TableCell>
                <TableCell>
                  <StatusTag
                    variant={key.revokedAt === null ? 'success' : 'default'}
                    testId={`usage-key-status-${key.id}`}
                  >
                    {key.revokedAt === null
                      ? t('settings.usageData.active')
                      : t('settings.usageData.revoked', { date: formatDate(key.revokedAt, format) })}
                  </StatusTag>
                </TableCell>
                <TableCell>
                  {editable && key.revokedAt === null && (
                    <Button
                      testId={`usage-key-revoke-${key.id}`}
                      variant="destructive"
                      size="small"
                      disabled={action.state === 'busy'}
                      onClick={() => {
                        usage.revoke(key.id);
                      }}
                    >
                      {t('settings.usageData.revoke')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
