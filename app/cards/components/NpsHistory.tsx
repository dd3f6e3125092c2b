import { formatDate } from '@harbor/i18n';
import type { CompanyAnswersWire } from '@harbor/wire';
import {
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';

import type { TextTools } from './company-text.ts';

const bucketVariant = { promoter: 'success', passive: 'default', detractor: 'error' } as const;

/** The card's "NPS history": every NPS, CSAT and CES answer of the company, newest first, on its own scale. */
export function NpsHistory({ history, tools }: { history: CompanyAnswersWire; tools: TextTools }) {
  const { t, format } = tools;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('nps.history.title')}</Heading>
      {history.answers.length === 0 ? (
        <Text testId="nps-history-empty">{t('nps.history.empty')}</Text>
      ) : (
        <>
          <Text variant="microcopy">{t('nps.history.intro')}</Text>
          <Table testId="nps-history">
            <TableHead>
              <TableRow>
                <TableHeader>{t('nps.history.column.date')}</TableHeader>
                <TableHeader>{t('nps.history.column.survey')}</TableHeader>
                <TableHeader>{t('nps.history.column.score')}</TableHeader>
                <TableHeader>{t('nps.history.column.group')}</TableHeader>
                <TableHeader>{t('nps.history.column.comment')}</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {history.answers.map((answer, index) => (
                <TableRow key={`${answer.submittedAt}-${String(index)}`}>
                  <TableCell>{formatDate(answer.submittedAt, format)}</TableCell>
                  <TableCell>{answer.kind}</TableCell>
                  <TableCell>{t(`nps.history.score.${answer.kind}`, { value: answer.value })}</TableCell>
                  <TableCell>
                    <Tag variant={bucketVariant[answer.bucket]}>{t(`nps.bucket.${answer.bucket}`)}</Tag>
                  </TableCell>
                  <TableCell>{answer.comment ?? t('nps.history.noComment')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {history.total > history.answers.length && (
            <Text variant="microcopy">
              {t('nps.history.more', { shown: history.answers.length, total: history.total })}
            </Text>
          )}
        </>
      )}
    </Flex>
  );
}
