import {
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { formatDate, formatNumber } from '@harbor/i18n';
import type { FeedbackDigestWire } from '@harbor/wire';

import type { Speech } from '../portfolio/portfolio-format.ts';
import { contractValueText, quoteText, trendText } from './digest-format.ts';

export interface DigestViewProps extends Speech {
  digest: FeedbackDigestWire;
}

/** One month's digest: what it covers, whether the product owner got it, the themes and their quotes. */
export function DigestView({ digest, t, format }: DigestViewProps) {
  const speech = { t, format };
  return (
    <Flex direction="column" gap="md">
      {digest.itemCount === 0 ? (
        <Text testId="digest-summary">{t('digest.noFeedback')}</Text>
      ) : (
        <Text testId="digest-summary">
          {t('digest.summary', {
            count: digest.itemCount,
            themes: digest.themes.length,
            surveys: digest.sources.surveyComments,
            tickets: digest.sources.featureRequestTickets,
            previous: digest.previousItemCount,
          })}
        </Text>
      )}
      <Text variant="microcopy" testId="digest-delivery">
        {`${t(`digest.delivery.${digest.delivery.status}`)} ${t('digest.built', { date: formatDate(digest.builtAt, format) })}`}
      </Text>
      {digest.themes.length > 0 && (
        <>
          <Heading>{t('digest.themes.title')}</Heading>
          <Text variant="microcopy">
            {digest.currency === null
              ? t('digest.themes.helpNoCurrency')
              : t('digest.themes.help', { currency: digest.currency })}
          </Text>
          <Table testId="digest-themes" bordered>
            <TableHead>
              <TableRow>
                <TableHeader>{t('digest.column.theme')}</TableHeader>
                <TableHeader>{t('digest.column.count')}</TableHeader>
                <TableHeader>{t('digest.column.companies')}</TableHeader>
                <TableHeader>{t('digest.column.value')}</TableHeader>
                <TableHeader>{t('digest.column.trend')}</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {digest.themes.map((theme) => (
                <TableRow key={theme.label}>
                  <TableCell>{theme.label}</TableCell>
                  <TableCell>{formatNumber(theme.count, format)}</TableCell>
                  <TableCell>{formatNumber(theme.companies, format)}</TableCell>
                  <TableCell>{contractValueText(theme, digest.currency, speech)}</TableCell>
                  <TableCell>{trendText(theme, speech)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {digest.themes.map((theme, index) => (
            <Flex key={theme.label} direction="column" gap="xs">
              <Heading>{t('digest.quotes.title', { theme: theme.label })}</Heading>
              {theme.quotes.map((quote, quoteIndex) => (
                <Text key={quoteIndex} testId={`digest-quote-${index}-${quoteIndex}`}>
                  {quoteText(quote, speech)}
                </Text>
              ))}
            </Flex>
          ))}
        </>
      )}
      {digest.otherCount > 0 && (
        <Flex direction="column" gap="xs">
          <Heading>{t('digest.other.title')}</Heading>
          <Text testId="digest-other">{t('digest.other.body', { count: digest.otherCount })}</Text>
          {digest.otherQuotes.map((quote, quoteIndex) => (
            <Text key={quoteIndex}>{quoteText(quote, speech)}</Text>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
