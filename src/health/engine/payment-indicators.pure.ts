import { curveReading, missing, type IndicatorReading, type ScoringContext } from './indicator-reading.ts';
import { lookUp, readNumber } from './property-values.pure.ts';

/** Days past due and invoice status, from the properties the admin maps (billing lives outside HubSpot). */
export function paymentIndicators({ inputs, model }: ScoringContext): IndicatorReading[] {
  const { properties: map } = model;
  const pastDue = map.daysPastDue === null ? null : readNumber(inputs.properties[map.daysPastDue]);
  const status = map.invoiceStatus === null ? null : (inputs.properties[map.invoiceStatus] ?? null);
  const statusPoints =
    status === null || status === '' ? undefined : lookUp(model.payment.invoiceStatusPoints, status);
  return [
    curveReading('days_past_due', pastDue === null ? null : Math.max(0, pastDue), model.curves.days_past_due),
    statusPoints === undefined || status === null
      ? missing('invoice_status')
      : { id: 'invoice_status', value: status, points: statusPoints, quality: 1 },
  ];
}
