import type { SignalThresholds } from '@harbor/wire';

import type { SignalFiring, SignalInputs } from '../signal-types.ts';
import { evidence, mappedCount } from './rule-helpers.pure.ts';

type Thresholds = SignalThresholds['late_payment'];

/**
 * The oldest open invoice is at least `minDaysPastDue` days overdue, or the invoice status (any case) is one
 * of `invoiceStatuses`. Severity: twice the threshold or more is critical (a collections case), the
 * threshold high, a listed status alone medium.
 */
export function latePaymentRule(inputs: SignalInputs, thresholds: Thresholds): SignalFiring | null {
  const pastDue = mappedCount(inputs, 'daysPastDue');
  const statusProperty = inputs.model.properties.invoiceStatus;
  const status = statusProperty === null ? null : (inputs.properties[statusProperty] ?? null);
  const listed =
    status !== null &&
    status.trim() !== '' &&
    thresholds.invoiceStatuses.some((value) => value.toLowerCase() === status.trim().toLowerCase());
  const late = pastDue !== null && pastDue >= thresholds.minDaysPastDue;
  if (!late && !listed) return null;
  const severity = late ? (pastDue >= 2 * thresholds.minDaysPastDue ? 'critical' : 'high') : 'medium';
  return {
    type: 'late_payment',
    severity,
    evidence: [
      ...(pastDue === null ? [] : [evidence('days_past_due', pastDue)]),
      ...(status === null || status === '' ? [] : [evidence('invoice_status', status)]),
    ],
  };
}
