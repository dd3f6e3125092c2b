import type { SignalRecord } from '../store/repositories/signals-repository.ts';
import type { TaskRequest } from '../tasks/task-request.ts';
import { evidenceLines, signalTypeNames } from './signal-type-names.ts';

const DAY_MS = 86_400_000;

type TaskLanguage = 'en' | 'pt-BR';

/**
 * The task an escalation creates for the CS lead: due the next day, high priority, associated with the
 * company, its key derived from the signal so a retried escalation never makes a second task. It says why
 * (no action by the due date), what fired it, and links back to the company's Harbor tab.
 */
export function escalationTask(
  portalId: number,
  signal: SignalRecord,
  options: { ownerId: string | null; language: TaskLanguage; companyUrl: string },
  now: number,
): TaskRequest {
  const type = signalTypeNames[options.language][signal.type];
  const due = new Date(signal.dueAt).toISOString().slice(0, 10);
  const text =
    options.language === 'pt-BR'
      ? {
          subject: `Escalado: ${type} sem ação desde ${due}`,
          body: `O sinal de risco "${type}" desta empresa não teve nenhuma ação até o prazo (${due}). Harbor não deixa um risco sumir: decida o próximo passo com o responsável (iniciar o playbook, resolver ou dispensar com um motivo).\n\nEvidências:\n${evidenceLines(signal.evidence)}\n\nAbrir no Harbor: ${options.companyUrl}`,
        }
      : {
          subject: `Escalated: ${type} with no action since ${due}`,
          body: `The "${type}" risk signal on this company had no action by its due date (${due}). Harbor never lets a risk disappear: agree the next step with its owner (start the playbook, resolve it, or dismiss it with a reason).\n\nEvidence:\n${evidenceLines(signal.evidence)}\n\nOpen in Harbor: ${options.companyUrl}`,
        };
  return {
    portalId,
    companyId: signal.companyId,
    key: `escalation:${signal.id}`,
    ...text,
    dueAt: new Date(now + DAY_MS),
    priority: 'HIGH',
    type: 'TODO',
    ownerId: options.ownerId,
  };
}
