import type { ActionPlanWire, ReviewOwnerWire } from '@harbor/wire';

import { companyRecordUrl } from '../hubspot/record-urls.ts';
import type { TaskRequest } from '../tasks/task-request.ts';

const DAY_MS = 86_400_000;
// A task body is read in HubSpot's task panel: past this many accounts the page itself says the rest.
const listedAccounts = 15;

type TaskLanguage = 'en' | 'pt-BR';

/** One review task per owner and ISO week: the key that makes it exactly-once. */
export function reviewTaskKey(ownerId: string | null, week: string): string {
  return `review:${ownerId ?? 'none'}:${week}`;
}

/**
 * The home page's "Weekly review" page. HubSpot serves an app's pages under
 * https://app.hubspot.com/app/{portalId}/{appId} (docs/hubspot-ui.md), each page at its router path
 * (`/review`, app/pages/app-pages.ts). Harbor learns its app id only from configuration; without it there
 * is no page link to build, and the task says where the page is and links its first account instead.
 */
export function reviewPageUrl(portalId: number, appId: string | undefined): string | undefined {
  return appId === undefined ? undefined : `https://app.hubspot.com/app/${portalId}/${appId}/review`;
}

const texts = {
  en: {
    subject: (atRisk: number, expansion: number, week: string) =>
      `Weekly review ${week}: ${atRisk} at-risk and ${expansion} expansion accounts`,
    intro:
      'Harbor’s weekly review of your accounts. Check each plan: are its next steps right and moving? Mark it reviewed on the review page when it is.',
    stale: (count: number) => `${count} plan(s) not updated in 7 days.`,
    escalated: (count: number) => `${count} risk signal(s) escalated with no action yet.`,
    atRisk: 'At risk',
    expansion: 'Expansion',
    staleMark: 'not updated in 7 days',
    escalatedMark: 'escalated',
    noSteps: 'no next step',
    more: (count: number) => `…and ${count} more on the review page.`,
    open: 'Open the review in Harbor (Weekly review page)',
    where: 'The review is on Harbor’s home page in HubSpot, page “Weekly review”. First account',
  },
  'pt-BR': {
    subject: (atRisk: number, expansion: number, week: string) =>
      `Revisão semanal ${week}: ${atRisk} contas em risco e ${expansion} de expansão`,
    intro:
      'A revisão semanal das suas contas pelo Harbor. Confira cada plano: os próximos passos estão certos e andando? Marque-o como revisado na página da revisão quando estiverem.',
    stale: (count: number) => `${count} plano(s) sem atualização há 7 dias.`,
    escalated: (count: number) => `${count} sinal(is) de risco escalado(s) ainda sem ação.`,
    atRisk: 'Em risco',
    expansion: 'Expansão',
    staleMark: 'sem atualização há 7 dias',
    escalatedMark: 'escalado',
    noSteps: 'sem próximo passo',
    more: (count: number) => `…e mais ${count} na página da revisão.`,
    open: 'Abrir a revisão no Harbor (página Revisão semanal)',
    where: 'A revisão fica na página inicial do Harbor na HubSpot, página “Revisão semanal”. Primeira conta',
  },
} as const;

function accountLine(plan: ActionPlanWire, text: (typeof texts)[TaskLanguage]): string {
  const marks = [
    plan.stale ? text.staleMark : null,
    plan.signals.some((signal) => signal.escalatedAt !== null && signal.actionStartedAt === null)
      ? text.escalatedMark
      : null,
  ].filter((mark) => mark !== null);
  const next = plan.nextSteps[0]?.title ?? text.noSteps;
  const name = plan.companyName ?? plan.companyId;
  return `- ${name}${marks.length === 0 ? '' : ` (${marks.join(', ')})`}: ${next}`;
}

/**
 * The owner's review task for the week, or undefined when they have no at-risk or expansion account. It is
 * associated with their most urgent account (HubSpot tasks hang off a record), due the next day, and lists
 * every account with its first next step and what needs attention.
 */
export function reviewTask(
  portalId: number,
  owner: ReviewOwnerWire,
  options: {
    week: string;
    language: TaskLanguage;
    /** The review page (reviewPageUrl), when Harbor knows it. */
    reviewUrl: string | undefined;
    /** Who gets the task of the accounts nobody owns (the CS lead), else unassigned. */
    unownedAssignee: string | null;
  },
  now: number,
): TaskRequest | undefined {
  const plans = [...owner.atRisk, ...owner.expansion];
  const first = plans[0];
  if (first === undefined) return undefined;
  const text = texts[options.language];
  const section = (title: string, list: readonly ActionPlanWire[]) =>
    list.length === 0 ? [] : [`${title}:`, ...list.map((plan) => accountLine(plan, text))];
  const shownAtRisk = owner.atRisk.slice(0, listedAccounts);
  const shownExpansion = owner.expansion.slice(0, Math.max(0, listedAccounts - shownAtRisk.length));
  const hidden = plans.length - shownAtRisk.length - shownExpansion.length;
  const body = [
    text.intro,
    owner.stalePlans > 0 ? text.stale(owner.stalePlans) : null,
    owner.escalatedSignals > 0 ? text.escalated(owner.escalatedSignals) : null,
    '',
    ...section(text.atRisk, shownAtRisk),
    ...section(text.expansion, shownExpansion),
    hidden > 0 ? text.more(hidden) : null,
    '',
    options.reviewUrl === undefined
      ? `${text.where}: ${companyRecordUrl(portalId, first.companyId)}`
      : `${text.open}: ${options.reviewUrl}`,
  ].filter((line) => line !== null);
  return {
    portalId,
    companyId: first.companyId,
    key: reviewTaskKey(owner.ownerId, options.week),
    subject: text.subject(owner.atRisk.length, owner.expansion.length, options.week),
    body: body.join('\n'),
    dueAt: new Date(now + DAY_MS),
    priority: owner.escalatedSignals > 0 || owner.stalePlans > 0 ? 'HIGH' : 'MEDIUM',
    type: 'TODO',
    ownerId: owner.ownerId ?? options.unownedAssignee,
  };
}
