import type { DigestQuoteWire, DigestThemeWire, FeedbackDigestWire, ThemeTrend } from '@harbor/wire';

import { renderTable } from '../../cli/terminal/text-table.ts';

export type DigestLanguage = 'en' | 'pt-BR';

const texts = {
  en: {
    title: (month: string) => `Product-feedback digest ${month}`,
    intro: (items: number, themes: number, previous: number) =>
      `${items} survey comments and feature-request tickets this month (UTC), grouped into ${themes} themes by the words they share; ${previous} last month.`,
    sources: (surveys: number, tickets: number) =>
      `Sources: ${surveys} survey comments, ${tickets} feature-request tickets.`,
    valueNote: (currency: string | null) =>
      `Contract value${currency === null ? '' : ` (${currency})`}: the contract values of a theme's companies, each company once.`,
    head: ['Theme', 'Count', 'Last month', 'Trend', 'Companies', 'Contract value'],
    trend: { new: 'new', up: 'up', down: 'down', flat: 'flat' } satisfies Record<ThemeTrend, string>,
    themeLine: (theme: DigestThemeWire, value: string) =>
      `${theme.count} (survey comments: ${theme.bySource.survey}, tickets: ${theme.bySource.ticket}) · last month ${theme.previousCount} · ${theme.companies} companies · contract value ${value}` +
      (theme.companiesWithoutValue > 0 ? ` (${theme.companiesWithoutValue} without a contract value)` : ''),
    source: { survey: 'survey', ticket: 'ticket' },
    unknownCompany: 'company unknown',
    other: 'Other feedback',
    otherLine: (count: number) => `${count} comments and tickets resemble no other one this month.`,
    empty: 'No survey comments or feature-request tickets this month.',
    csvHead: [
      'month',
      'theme',
      'count',
      'survey_comments',
      'tickets',
      'last_month',
      'trend',
      'companies',
      'contract_value',
      'companies_without_value',
      'quote_1',
      'quote_2',
      'quote_3',
    ],
  },
  'pt-BR': {
    title: (month: string) => `Resumo de feedback de produto ${month}`,
    intro: (items: number, themes: number, previous: number) =>
      `${items} comentários de pesquisa e tickets de sugestão neste mês (UTC), agrupados em ${themes} temas pelas palavras em comum; ${previous} no mês anterior.`,
    sources: (surveys: number, tickets: number) =>
      `Fontes: ${surveys} comentários de pesquisa, ${tickets} tickets de sugestão.`,
    valueNote: (currency: string | null) =>
      `Valor de contrato${currency === null ? '' : ` (${currency})`}: os valores de contrato das empresas de um tema, cada empresa uma vez.`,
    head: ['Tema', 'Quantidade', 'Mês anterior', 'Tendência', 'Empresas', 'Valor de contrato'],
    trend: { new: 'novo', up: 'subiu', down: 'caiu', flat: 'estável' } satisfies Record<ThemeTrend, string>,
    themeLine: (theme: DigestThemeWire, value: string) =>
      `${theme.count} (comentários de pesquisa: ${theme.bySource.survey}, tickets: ${theme.bySource.ticket}) · mês anterior ${theme.previousCount} · ${theme.companies} empresas · valor de contrato ${value}` +
      (theme.companiesWithoutValue > 0 ? ` (${theme.companiesWithoutValue} sem valor de contrato)` : ''),
    source: { survey: 'pesquisa', ticket: 'ticket' },
    unknownCompany: 'empresa desconhecida',
    other: 'Outros comentários',
    otherLine: (count: number) => `${count} comentários e tickets não se parecem com nenhum outro neste mês.`,
    empty: 'Nenhum comentário de pesquisa ou ticket de sugestão neste mês.',
    csvHead: [
      'mes',
      'tema',
      'quantidade',
      'comentarios_pesquisa',
      'tickets',
      'mes_anterior',
      'tendencia',
      'empresas',
      'valor_contrato',
      'empresas_sem_valor',
      'citacao_1',
      'citacao_2',
      'citacao_3',
    ],
  },
} as const;

function money(value: number, language: DigestLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

function tableRows(digest: FeedbackDigestWire, language: DigestLanguage): string[][] {
  const text = texts[language];
  return digest.themes.map((theme) => [
    theme.label,
    String(theme.count),
    String(theme.previousCount),
    text.trend[theme.trend],
    String(theme.companies),
    money(theme.contractValue, language),
  ]);
}

/** The themes as the CLI's table; an empty month says so. */
export function digestTable(digest: FeedbackDigestWire, language: DigestLanguage = 'en'): string {
  const text = texts[language];
  if (digest.itemCount === 0) return `${text.title(digest.month)}\n${text.empty}`;
  return `${text.title(digest.month)}\n${renderTable(text.head, tableRows(digest, language))}`;
}

/** Markdown cell or line text: no table breaks, no markup from customers' words. */
function mdText(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function quoteLine(quote: DigestQuoteWire, language: DigestLanguage): string {
  const text = texts[language];
  return `> “${mdText(quote.text)}” — ${mdText(quote.companyName ?? text.unknownCompany)} (${text.source[quote.source]})`;
}

export function digestMarkdown(digest: FeedbackDigestWire, language: DigestLanguage = 'en'): string {
  const text = texts[language];
  const lines = [`# ${text.title(digest.month)}`, ''];
  if (digest.itemCount === 0) return [...lines, text.empty, ''].join('\n');
  lines.push(
    text.intro(digest.itemCount, digest.themes.length, digest.previousItemCount),
    text.sources(digest.sources.surveyComments, digest.sources.featureRequestTickets),
    text.valueNote(digest.currency),
    '',
    `| ${text.head.join(' | ')} |`,
    `|${text.head.map(() => '---').join('|')}|`,
    ...tableRows(digest, language).map((row) => `| ${row.map(mdText).join(' | ')} |`),
  );
  digest.themes.forEach((theme, index) => {
    lines.push(
      '',
      `## ${index + 1}. ${mdText(theme.label)}`,
      '',
      text.themeLine(theme, money(theme.contractValue, language)),
      '',
      ...theme.quotes.map((quote) => quoteLine(quote, language)),
    );
  });
  if (digest.otherCount > 0) {
    lines.push('', `## ${text.other}`, '', text.otherLine(digest.otherCount), '');
    lines.push(...digest.otherQuotes.map((quote) => quoteLine(quote, language)));
  }
  return [...lines, ''].join('\n');
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function quoteHtml(quote: DigestQuoteWire, language: DigestLanguage): string {
  const text = texts[language];
  return `<blockquote>“${escapeHtml(quote.text)}” — ${escapeHtml(quote.companyName ?? text.unknownCompany)} (${text.source[quote.source]})</blockquote>`;
}

/** The same content as the Markdown, as HTML (a HubSpot note's body is HTML); every customer word escaped. */
export function digestHtml(digest: FeedbackDigestWire, language: DigestLanguage = 'en'): string {
  const text = texts[language];
  const parts = [`<h1>${escapeHtml(text.title(digest.month))}</h1>`];
  if (digest.itemCount === 0) return [...parts, `<p>${escapeHtml(text.empty)}</p>`].join('\n');
  parts.push(
    `<p>${escapeHtml(text.intro(digest.itemCount, digest.themes.length, digest.previousItemCount))}</p>`,
    `<p>${escapeHtml(text.sources(digest.sources.surveyComments, digest.sources.featureRequestTickets))}</p>`,
    `<p>${escapeHtml(text.valueNote(digest.currency))}</p>`,
    '<table>',
    `<tr>${text.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr>`,
    ...tableRows(digest, language).map(
      (row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    ),
    '</table>',
  );
  digest.themes.forEach((theme, index) => {
    parts.push(
      `<h2>${index + 1}. ${escapeHtml(theme.label)}</h2>`,
      `<p>${escapeHtml(text.themeLine(theme, money(theme.contractValue, language)))}</p>`,
      ...theme.quotes.map((quote) => quoteHtml(quote, language)),
    );
  });
  if (digest.otherCount > 0) {
    parts.push(
      `<h2>${escapeHtml(text.other)}</h2>`,
      `<p>${escapeHtml(text.otherLine(digest.otherCount))}</p>`,
    );
    parts.push(...digest.otherQuotes.map((quote) => quoteHtml(quote, language)));
  }
  return parts.join('\n');
}

/**
 * RFC 4180 cell; customers' words that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a
 * leading apostrophe.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per theme (contract value as a plain number), quotes with their company; CRLF line ends. */
export function digestCsv(digest: FeedbackDigestWire, language: DigestLanguage = 'en'): string {
  const text = texts[language];
  const quote = (q: DigestQuoteWire | undefined) =>
    q === undefined ? '' : `${q.text} — ${q.companyName ?? text.unknownCompany}`;
  const rows = digest.themes.map((theme) => [
    digest.month,
    theme.label,
    String(theme.count),
    String(theme.bySource.survey),
    String(theme.bySource.ticket),
    String(theme.previousCount),
    theme.trend,
    String(theme.companies),
    String(theme.contractValue),
    String(theme.companiesWithoutValue),
    quote(theme.quotes[0]),
    quote(theme.quotes[1]),
    quote(theme.quotes[2]),
  ]);
  return [text.csvHead, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
