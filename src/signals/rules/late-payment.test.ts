import { describe, expect, it } from 'vitest';

import { latePaymentRule } from './late-payment.pure.ts';
import { company } from './signal-inputs.fixture.ts';

const thresholds = { enabled: true, minDaysPastDue: 30, invoiceStatuses: ['Collections'] };
const rule = (properties: Record<string, string | null>) =>
  latePaymentRule(company({}, properties), thresholds);

describe('late payment', () => {
  it('when the oldest invoice is 30 days past due, then it fires high with the days and status', () => {
    expect(rule({ days_past_due: '30', invoice_status: 'overdue' })).toEqual({
      type: 'late_payment',
      severity: 'high',
      evidence: [
        { key: 'days_past_due', value: 30 },
        { key: 'invoice_status', value: 'overdue' },
      ],
    });
  });

  it('when it is 29 days past due, then it does not fire', () => {
    expect(rule({ days_past_due: '29', invoice_status: 'overdue' })).toBeNull();
  });

  it('when it is 60 days past due (twice the threshold), then it is critical', () => {
    expect(rule({ days_past_due: '60' })?.severity).toBe('critical');
  });

  it('when the status is a listed one in another case, then it fires medium on the status alone', () => {
    expect(rule({ days_past_due: '0', invoice_status: 'COLLECTIONS' })).toMatchObject({
      severity: 'medium',
      evidence: [
        { key: 'days_past_due', value: 0 },
        { key: 'invoice_status', value: 'COLLECTIONS' },
      ],
    });
  });

  it('when days past due and status are missing, then nothing fires', () => {
    expect(rule({ days_past_due: null, invoice_status: null })).toBeNull();
    expect(rule({ days_past_due: '', invoice_status: '' })).toBeNull();
  });
});
