import type { TaskLanguage } from '@harbor/wire';

import { evidenceLines, signalTypeNames } from '../signals/signal-type-names.ts';
import type { SignalType } from '../signals/signal-types.ts';
import type { TaskRequest } from '../tasks/task-request.ts';

const DAY_MS = 86_400_000;

/** The signal as a task needs it. */
export interface SignalForTask {
  id: number;
  companyId: string;
  type: SignalType;
  severity: 'low' | 'medium' | 'high' | 'critical';
  ownerId: string | null;
  dueAt: number;
  evidence: readonly { key: string; value: number | string | null; at?: string | undefined }[];
}

/**
 * What the owner is asked to do, per type. A CSM never answers a ticket (support does) nor chases an invoice
 * alone (finance does), so those tasks are a hand-off and a follow-up with the owning team, not the work itself.
 */
const asks: Record<TaskLanguage, Partial<Record<SignalType, string>> & { other: string }> = {
  en: {
    critical_ticket:
      'Check with support where the critical tickets stand and what the customer was told; agree with the support owner who updates the customer. Do not answer the tickets yourself.',
    late_payment:
      'Align with finance on the overdue invoice before you contact the customer; ask about blockers on their side (a PO, a billing contact), never about a discount.',
    advocacy:
      'A promoter with a healthy account: ask whether they would give a reference, a review or a case study, and pass a yes to marketing.',
    other: 'Review the evidence below and decide the next step with the customer.',
  },
  'pt-BR': {
    critical_ticket:
      'Confirme com o suporte a situação dos tickets críticos e o que foi dito ao cliente; combine com o responsável do suporte quem atualiza o cliente. Não responda os tickets você mesmo.',
    late_payment:
      'Alinhe com o financeiro a fatura em atraso antes de falar com o cliente; pergunte sobre bloqueios do lado dele (pedido de compra, contato de cobrança), nunca sobre desconto.',
    advocacy:
      'Um promotor com a conta saudável: pergunte se ele daria uma referência, uma avaliação ou um estudo de caso, e passe um sim para o marketing.',
    other: 'Revise as evidências abaixo e decida o próximo passo com o cliente.',
  },
};

const dueDays: Record<SignalForTask['severity'], number> = { critical: 1, high: 2, medium: 5, low: 10 };

/**
 * The one task a signal's action creates (signals defined to get a task, or an automation that creates one):
 * keyed by the signal, so a retry, a second instance or a person and an automation acting at once make one.
 */
export function signalActionTask(
  portalId: number,
  signal: SignalForTask,
  options: { language: TaskLanguage; companyUrl: string },
  now: number,
): TaskRequest {
  const type = signalTypeNames[options.language][signal.type];
  const ask = asks[options.language][signal.type] ?? asks[options.language].other;
  const pt = options.language === 'pt-BR';
  const body = pt
    ? `${ask}\n\nPor quê: sinal "${type}" (${signal.severity}).\nEvidências:\n${evidenceLines(signal.evidence)}\n\nAbrir no Harbor: ${options.companyUrl}`
    : `${ask}\n\nWhy: the "${type}" signal (${signal.severity}).\nEvidence:\n${evidenceLines(signal.evidence)}\n\nOpen in Harbor: ${options.companyUrl}`;
  return {
    portalId,
    companyId: signal.companyId,
    key: `signal:${signal.id}:action`,
    subject: pt ? `Agir sobre: ${type}` : `Act on: ${type}`,
    body,
    dueAt: new Date(Math.min(now + dueDays[signal.severity] * DAY_MS, Math.max(signal.dueAt, now + DAY_MS))),
    priority: signal.severity === 'critical' || signal.severity === 'high' ? 'HIGH' : 'MEDIUM',
    type: 'TODO',
    ownerId: signal.ownerId,
  };
}
