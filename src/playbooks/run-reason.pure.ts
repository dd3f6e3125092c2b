import type { TaskLanguage } from '@harbor/wire';

import { signalTypeNames } from '../signals/signal-type-names.ts';
import type { SignalType } from '../signals/signal-types.ts';

/** Who or what started a playbook; becomes the "Why" line of every task it creates. */
export type RunOrigin =
  | { kind: 'person'; actor: string }
  | {
      kind: 'signal';
      type: SignalType;
      openedAt: number;
      evidence: readonly { key: string; value: number | string | null }[];
    }
  | { kind: 'automation'; type: SignalType; openedAt: number };

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function evidenceSummary(evidence: readonly { key: string; value: number | string | null }[]): string {
  const shown = evidence.filter((item) => item.value !== null).slice(0, 3);
  return shown.map((item) => `${item.key} ${String(item.value)}`).join(', ');
}

export function runReason(origin: RunOrigin, language: TaskLanguage, now: number): string {
  const pt = language === 'pt-BR';
  if (origin.kind === 'person')
    return pt ? `iniciado no Harbor em ${day(now)}.` : `started from Harbor on ${day(now)}.`;
  const type = signalTypeNames[language][origin.type];
  if (origin.kind === 'automation')
    return pt
      ? `automação: sinal "${type}" aberto em ${day(origin.openedAt)}.`
      : `automation: the "${type}" signal opened on ${day(origin.openedAt)}.`;
  const evidence = evidenceSummary(origin.evidence);
  const suffix = evidence === '' ? '' : ` (${evidence})`;
  return pt
    ? `sinal "${type}" aberto em ${day(origin.openedAt)}${suffix}.`
    : `the "${type}" signal opened on ${day(origin.openedAt)}${suffix}.`;
}
