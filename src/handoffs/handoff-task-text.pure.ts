import type { HandoffKind } from '@harbor/wire';

const DAY_MS = 86_400_000;

export type TaskLanguage = 'en' | 'pt-BR';

/** What a hand-off's task says about why, per kind. */
export type HandoffFacts =
  | {
      kind: 'support';
      ticketId: string;
      ticketSubject: string | null;
      /** Hours the ticket has been open. */
      hoursOpen: number | null;
      escalated: boolean;
    }
  | { kind: 'finance'; dealId: string; dealName: string | null; note: string }
  | { kind: 'marketing'; npsScore: number | null; answeredOn: string | null }
  | { kind: 'automation'; note: string };

export interface HandoffTaskText {
  subject: string;
  body: string;
  dueAt: Date;
  priority: 'LOW' | 'MEDIUM' | 'HIGH';
}

/** Record pages in HubSpot's own UI (app.hubspot.com redirects to the portal's data centre). */
export function recordUrl(portalId: number, objectTypeId: '0-2' | '0-3' | '0-5', id: string): string {
  return `https://app.hubspot.com/contacts/${portalId}/record/${objectTypeId}/${id}`;
}

export function taskUrl(portalId: number, taskId: string): string {
  return `https://app.hubspot.com/tasks/${portalId}/view/all/task/${encodeURIComponent(taskId)}`;
}

/** Days to the due date and the priority: a critical ticket on an at-risk account is tomorrow's work. */
const timing: Readonly<Record<HandoffKind, { days: number; priority: HandoffTaskText['priority'] }>> = {
  support: { days: 1, priority: 'HIGH' },
  finance: { days: 3, priority: 'MEDIUM' },
  automation: { days: 5, priority: 'LOW' },
  marketing: { days: 7, priority: 'LOW' },
};

/**
 * The hand-off's task: what is asked, why, and links back to the company (and the ticket or deal). The texts
 * say what Harbor will not do — answer or close a ticket, change a price — so the receiving team knows the
 * decision is theirs. Internal texts: they never go to a customer.
 */
export function handoffTaskText(
  facts: HandoffFacts,
  context: { portalId: number; companyId: string; companyName: string | null; language: TaskLanguage },
  now: Date,
): HandoffTaskText {
  const { portalId, companyId, language } = context;
  const company = context.companyName ?? `#${companyId}`;
  const companyLink = recordUrl(portalId, '0-2', companyId);
  const pt = language === 'pt-BR';
  let subject: string;
  let lines: string[];
  switch (facts.kind) {
    case 'support': {
      const ticket = facts.ticketSubject ?? `#${facts.ticketId}`;
      const open =
        facts.hoursOpen === null ? '' : pt ? ` há ${facts.hoursOpen} h` : ` for ${facts.hoursOpen} h`;
      const escalated = facts.escalated ? (pt ? ', escalado' : ', escalated') : '';
      subject = pt
        ? `Suporte: ticket crítico de ${company} (conta em risco)`
        : `Support: critical ticket from ${company} (at-risk account)`;
      lines = pt
        ? [
            `O ticket "${ticket}" está aberto${open}${escalated}, e a conta está no nível "Em risco" do Harbor. Uma resposta rápida do suporte pesa na renovação.`,
            'Harbor não responde nem fecha tickets: o ticket continua com o suporte. Combine com o CSM da conta se precisar de contexto.',
            `Ticket: ${recordUrl(portalId, '0-5', facts.ticketId)}`,
          ]
        : [
            `The ticket "${ticket}" has been open${open}${escalated}, and the account is in Harbor's "At risk" tier. A quick answer from support matters for the renewal.`,
            "Harbor never answers or closes tickets: the ticket stays with support. Ask the account's CSM for context if you need it.",
            `Ticket: ${recordUrl(portalId, '0-5', facts.ticketId)}`,
          ];
      break;
    }
    case 'finance': {
      const deal = facts.dealName ?? `#${facts.dealId}`;
      subject = pt
        ? `Financeiro: renovação de ${company} precisa de mudança de preço`
        : `Finance: ${company}'s renewal needs a price change`;
      lines = pt
        ? [
            `O CSM pede ao financeiro que avalie o preço da renovação "${deal}".`,
            `Nota do CSM: ${facts.note}`,
            'Harbor nunca altera preços nem valores de negócios: a decisão e a alteração são do financeiro.',
            `Negócio: ${recordUrl(portalId, '0-3', facts.dealId)}`,
          ]
        : [
            `The CSM asks finance to review the price of the renewal "${deal}".`,
            `CSM's note: ${facts.note}`,
            'Harbor never changes prices or deal amounts: the decision and the change are finance’s.',
            `Deal: ${recordUrl(portalId, '0-3', facts.dealId)}`,
          ];
      break;
    }
    case 'marketing': {
      const answer =
        facts.npsScore === null
          ? ''
          : pt
            ? ` (NPS ${facts.npsScore}${facts.answeredOn === null ? '' : ` em ${facts.answeredOn}`})`
            : ` (NPS ${facts.npsScore}${facts.answeredOn === null ? '' : ` on ${facts.answeredOn}`})`;
      subject = pt
        ? `Marketing: ${company} é candidata a referência`
        : `Marketing: ${company} is a reference candidate`;
      lines = pt
        ? [
            `${company} é promotora${answer} e está no nível "Saudável" do Harbor: uma candidata a caso de sucesso, depoimento ou referência.`,
            'Combine com o CSM da conta antes de contatar o cliente. Harbor marcou a empresa com a propriedade "Candidata a referência" (a data de hoje).',
          ]
        : [
            `${company} is a promoter${answer} in Harbor's "Healthy" tier: a candidate for a case study, a testimonial or a reference call.`,
            'Agree with the account’s CSM before contacting the customer. Harbor marked the company with the "Reference candidate" property (today’s date).',
          ];
      break;
    }
    case 'automation': {
      subject = pt ? `Automação: pedido para ${company}` : `Automation: request for ${company}`;
      lines = pt
        ? [`O CSM pede uma automação para esta conta. O que deve acontecer:`, facts.note]
        : ['The CSM asks for an automation for this account. What should happen:', facts.note];
      break;
    }
  }
  const { days, priority } = timing[facts.kind];
  const body = [...lines, '', `${pt ? 'Empresa no HubSpot' : 'Company in HubSpot'}: ${companyLink}`].join(
    '\n',
  );
  return { subject: subject.slice(0, 500), body, dueAt: new Date(now.getTime() + days * DAY_MS), priority };
}
