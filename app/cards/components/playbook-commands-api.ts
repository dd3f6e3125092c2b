import { harborFetch, HarborApiError, type HarborContext } from '@harbor/ui';
import {
  planSummaryWire,
  playbookRunWire,
  type PlanSummaryWire,
  type PlaybookCommandWire,
  type PlaybookRunWire,
  type PlaybookType,
} from '@harbor/wire';

import type { TextTools } from './company-text.ts';

/**
 * What the card does about playbooks and the plan. Each rejects with the service's refusal, which the control
 * that asked shows beside itself; on success the card confirms and reloads the view.
 */
export interface PlaybookActions {
  start: (playbook: PlaybookType) => Promise<void>;
  command: (run: PlaybookRunWire, command: PlaybookCommandWire) => Promise<void>;
  reviewPlan: (note: string) => Promise<void>;
}

/** Starts a playbook for the company; the service answers the new run. */
export async function startPlaybook(
  context: HarborContext,
  companyId: string,
  playbook: PlaybookType,
): Promise<PlaybookRunWire> {
  return harborFetch(context, '/api/playbooks', playbookRunWire, {
    method: 'POST',
    body: { companyId, playbook },
  });
}

/** Snoozes, resumes or cancels a run; the service answers the run as it is now, or refuses. */
export async function sendPlaybookCommand(
  context: HarborContext,
  runId: number,
  command: PlaybookCommandWire,
): Promise<PlaybookRunWire> {
  return harborFetch(context, `/api/playbooks/${runId}/commands`, playbookRunWire, {
    method: 'POST',
    body: command,
  });
}

/** The owner says the plan is current; the service answers the plan as it is now. */
export async function markPlanReviewed(
  context: HarborContext,
  companyId: string,
  note: string,
): Promise<PlanSummaryWire> {
  return harborFetch(context, `/api/plans/${encodeURIComponent(companyId)}/review`, planSummaryWire, {
    method: 'POST',
    body: note === '' ? {} : { note },
  });
}

export interface Refusal {
  code: string;
  /** In the user's language. */
  title: string;
  text: string;
  /** The service's own words (English), for whoever asks support. */
  detail: string | null;
}

const explainedCodes = new Set(['CONFLICT', 'VALIDATION_FAILED', 'NOT_FOUND', 'UNREACHABLE']);

/** A rejected command in the user's words: the codes a CSM can act on are explained, the rest are generic. */
export function refusalOf(error: unknown, { t }: TextTools): Refusal {
  const code = error instanceof HarborApiError ? error.code : 'UNEXPECTED';
  const message = error instanceof Error ? error.message : String(error);
  const text = explainedCodes.has(code)
    ? t(`playbook.refused.${code as 'CONFLICT' | 'VALIDATION_FAILED' | 'NOT_FOUND' | 'UNREACHABLE'}`)
    : t('playbook.refused.other');
  return {
    code,
    title: t('playbook.refused.title', { code }),
    text,
    detail: message === '' ? null : t('playbook.refused.detail', { message }),
  };
}
