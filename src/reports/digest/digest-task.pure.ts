import type { FeedbackDigestWire } from '@harbor/wire';

import type { TaskRequest } from '../../tasks/task-request.ts';
import type { DigestLanguage } from './render-digest.pure.ts';

const DAY_MS = 86_400_000;
// The task panel is for a glance; the whole digest is on the page and in the note.
const listedThemes = 10;

/** One digest task per month: the key that makes it exactly-once. */
export function digestTaskKey(month: string): string {
  return `digest:${month}`;
}

/**
 * The page "Feedback digest" of Harbor's home (https://app.hubspot.com/app/{portalId}/{appId}/digest, as the
 * review page); without the app id the task says where the page is.
 */
export function digestPageUrl(portalId: number, appId: string | undefined): string | undefined {
  return appId === undefined ? undefined : `https://app.hubspot.com/app/${portalId}/${appId}/digest`;
}

const texts = {
  en: {
    subject: (month: string, themes: number) => `Product-feedback digest ${month}: ${themes} themes`,
    intro: (items: number) =>
      `${items} survey comments and feature-request tickets from customers last month, grouped into themes (count, companies, contract value, trend against the month before).`,
    line: (label: string, count: number, previous: number, companies: number) =>
      `- ${label}: ${count} (last month ${previous}), ${companies} companies`,
    more: (count: number) => `…and ${count} more themes in the digest.`,
    open: 'The whole digest, with quotes: Harbor, page “Feedback digest”',
    where: 'The whole digest, with quotes, is on Harbor’s home page in HubSpot, page “Feedback digest”.',
  },
  'pt-BR': {
    subject: (month: string, themes: number) => `Resumo de feedback de produto ${month}: ${themes} temas`,
    intro: (items: number) =>
      `${items} comentários de pesquisa e tickets de sugestão de clientes no mês passado, agrupados em temas (quantidade, empresas, valor de contrato, tendência contra o mês anterior).`,
    line: (label: string, count: number, previous: number, companies: number) =>
      `- ${label}: ${count} (mês anterior ${previous}), ${companies} empresas`,
    more: (count: number) => `…e mais ${count} temas no resumo.`,
    open: 'O resumo completo, com citações: Harbor, página “Resumo de feedback”',
    where:
      'O resumo completo, com citações, fica na página inicial do Harbor na HubSpot, página “Resumo de feedback”.',
  },
} as const;

/**
 * The product owner's task for the month, or undefined when no company is behind any theme or quote (a
 * HubSpot task hangs off a record: Harbor attaches it to the company behind the first quote of the top theme).
 */
export function digestTask(
  digest: FeedbackDigestWire,
  options: { ownerId: string | null; language: DigestLanguage; pageUrl: string | undefined },
  now: number,
): TaskRequest | undefined {
  const quotes = [...digest.themes.flatMap((theme) => theme.quotes), ...digest.otherQuotes];
  const companyId = quotes.find((quote) => quote.companyId !== null)?.companyId;
  if (companyId === undefined || companyId === null) return undefined;
  const text = texts[options.language];
  const shown = digest.themes.slice(0, listedThemes);
  const body = [
    text.intro(digest.itemCount),
    '',
    ...shown.map((theme) => text.line(theme.label, theme.count, theme.previousCount, theme.companies)),
    digest.themes.length > shown.length ? text.more(digest.themes.length - shown.length) : null,
    '',
    options.pageUrl === undefined ? text.where : `${text.open}: ${options.pageUrl}`,
  ].filter((line) => line !== null);
  return {
    portalId: digest.portalId,
    companyId,
    key: digestTaskKey(digest.month),
    subject: text.subject(digest.month, digest.themes.length),
    body: body.join('\n'),
    dueAt: new Date(now + 7 * DAY_MS),
    priority: 'MEDIUM',
    type: 'TODO',
    ownerId: options.ownerId,
  };
}
