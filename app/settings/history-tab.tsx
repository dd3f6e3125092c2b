import type { ModelVersionWire } from '@harbor/wire';
import { formatDateTime, type FormatOptions, type Translate } from '@harbor/i18n';
import {
  Alert,
  Flex,
  LoadingButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';

import type { ActionState } from './action-state.ts';

export interface HistoryTabProps {
  versions: readonly ModelVersionWire[];
  hasOlder: boolean;
  older: ActionState;
  onShowOlder: () => void;
  t: Translate;
  format: FormatOptions;
}

function changesText(version: ModelVersionWire, t: Translate): string {
  if (version.changes.length === 0) return t('settings.history.first');
  const listed = version.changes.map((change) =>
    t('settings.history.change', {
      path: change.path,
      before: change.before ?? t('settings.history.nothing'),
      after: change.after ?? t('settings.history.nothing'),
    }),
  );
  if (version.moreChanges > 0) listed.push(t('settings.history.more', { count: version.moreChanges }));
  return listed.join('; ');
}

/** Every saved version of the model: who saved it, when, how, and what it changed. */
export function HistoryTab({ versions, hasOlder, older, onShowOlder, t, format }: HistoryTabProps) {
  return (
    <Flex direction="column" gap="md">
      <Text variant="microcopy">{t('settings.history.help')}</Text>
      <Table bordered testId="history">
        <TableHead>
          <TableRow>
            <TableHeader>{t('settings.history.version')}</TableHeader>
            <TableHeader>{t('settings.history.when')}</TableHeader>
            <TableHeader>{t('settings.history.who')}</TableHeader>
            <TableHeader>{t('settings.history.source')}</TableHeader>
            <TableHeader>{t('settings.history.changes')}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {versions.map((version) => (
            <TableRow key={version.version}>
              <TableCell>{version.version}</TableCell>
              <TableCell>{formatDateTime(version.createdAt, format)}</TableCell>
              <TableCell>{version.createdByName ?? version.createdBy}</TableCell>
              <TableCell>{t(`settings.source.${version.source}`)}</TableCell>
              <TableCell>{changesText(version, t)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {older.state === 'failed' && (
        <Alert title={t('settings.history.failed')} variant="error">
          {t('state.error.generic', { code: older.code })}
        </Alert>
      )}
      {hasOlder && (
        <LoadingButton testId="history-older" loading={older.state === 'busy'} onClick={onShowOlder}>
          {t('settings.history.older')}
        </LoadingButton>
      )}
    </Flex>
  );
}
