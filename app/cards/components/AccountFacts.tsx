import { daysUntil, formatCurrency, formatDate, formatDateTime, formatNumber } from '@harbor/i18n';
import type { CompanyFactsWire } from '@harbor/wire';
import { DescriptionList, DescriptionListItem, Heading, Text } from '@hubspot/ui-extensions';

import type { TextTools } from './company-text.ts';

/** Renewal with its countdown, contract value, segment, owner and the last sync. */
export function AccountFacts({
  company,
  lastSyncAt,
  now,
  tools,
}: {
  company: CompanyFactsWire;
  lastSyncAt: string | null;
  /** The moment the countdown counts from (the view's generatedAt, so the card and preview agree). */
  now: Date;
  tools: TextTools;
}) {
  const { t, format } = tools;
  const unknown = t('company.facts.unknown');
  const renewal = company.renewalDate;
  let renewalText = unknown;
  if (renewal !== null) {
    const days = daysUntil(renewal, now, format.timeZone);
    const countdown =
      days === 0
        ? t('company.facts.renewalToday')
        : days > 0
          ? t('company.facts.renewalIn', { count: days })
          : t('company.facts.renewalPast', { count: -days });
    // A calendar day, not a moment: formatted in UTC so no time zone moves it to the day before.
    const date = formatDate(`${renewal}T12:00:00Z`, { ...format, timeZone: 'UTC' });
    renewalText = t('company.facts.renewalWhen', { date, countdown });
  }
  const contract = company.contractValue;
  const contractText =
    contract === null
      ? unknown
      : contract.currency === null
        ? formatNumber(contract.amount, format)
        : formatCurrency(contract.amount, contract.currency, format);
  const owner = company.owner;
  return (
    <>
      <Heading>{t('company.facts.title')}</Heading>
      <DescriptionList direction="row">
        <DescriptionListItem label={t('company.facts.renewal')}>
          <Text testId="renewal">{renewalText}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t('company.facts.contract')}>
          <Text testId="contract-value">{contractText}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t('company.facts.segment')}>
          <Text>{company.segment}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t('company.facts.owner')}>
          <Text>{owner === null ? unknown : (owner.name ?? owner.email ?? owner.id)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t('company.facts.lastSync')}>
          <Text>
            {lastSyncAt === null ? t('company.facts.neverSynced') : formatDateTime(lastSyncAt, format)}
          </Text>
        </DescriptionListItem>
      </DescriptionList>
    </>
  );
}
