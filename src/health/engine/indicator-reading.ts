import type { CompanyHealthInputs } from '../health-types.ts';
import type { BuiltInIndicatorId, Curve, HealthModel } from '../model/health-model-schema.ts';
import { curvePoints } from './curve.pure.ts';

/** What an indicator reader returns before weights are applied. */
export interface IndicatorReading {
  id: string;
  /** The raw value shown in the explanation; null when missing. */
  value: number | string | null;
  /** 0–100; null when missing. */
  points: number | null;
  /** How fully the reading is known (0–1); only sentiment answers with few responses read below 1. */
  quality: number;
  detail?: Record<string, number>;
}

export interface ScoringContext {
  inputs: CompanyHealthInputs;
  model: HealthModel;
  now: number;
}

export function missing(id: string): IndicatorReading {
  return { id, value: null, points: null, quality: 0 };
}

/**
 * A reading scored on a curve; missing when the value or the curve is. Every numeric indicator passes here,
 * so this is where a value that is not a finite number (a ratio over a near-zero denominator, NaN from a
 * broken fact) is stopped: on a curve it would read as a full score and be stored and shown as NaN.
 */
export function curveReading(id: string, value: number | null, curve: Curve | undefined): IndicatorReading {
  if (value === null || !Number.isFinite(value) || curve === undefined) return missing(id);
  const points = curvePoints(curve, value);
  return Number.isFinite(points) ? { id, value, points, quality: 1 } : missing(id);
}

export const builtInLabels: Record<BuiltInIndicatorId, string> = {
  seat_utilisation: 'Seat utilisation',
  login_trend: 'Login trend',
  feature_breadth: 'Features used',
  days_since_last_activity: 'Days since last activity',
  open_tickets: 'Open tickets',
  urgent_share: 'Urgent/high ticket share',
  time_to_close_vs_sla: 'Time to close vs SLA',
  escalated_tickets: 'Escalated tickets',
  days_past_due: 'Days past due',
  invoice_status: 'Invoice status',
  days_since_csm_touch: 'Days since CSM touch',
  days_since_meeting: 'Days since last meeting',
  days_since_reply: 'Days since last reply',
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
};
