import type { FeedbackDigestWire } from '@harbor/wire';
import { describe, expect, it } from 'vitest';

import { digestCsv, digestHtml, digestMarkdown, digestTable } from './render-digest.pure.ts';

const digest: FeedbackDigestWire = {
  portalId: 4242,
  month: '2026-11',
  builtAt: '2026-12-01T06:23:00.000Z',
  currency: 'BRL',
  sources: { surveyComments: 3, featureRequestTickets: 1 },
  itemCount: 4,
  previousItemCount: 1,
  themes: [
    {
      label: 'excel · export',
      keywords: ['excel', 'export'],
      count: 3,
      bySource: { survey: 2, ticket: 1 },
      companies: 2,
      contractValue: 42_000,
      companiesWithoutValue: 1,
      previousCount: 1,
      trend: 'up',
      quotes: [
        {
          text: '=HYPERLINK("x") <script>alert(1)</script>',
          source: 'survey',
          companyId: '1',
          companyName: 'A & B',
        },
        { text: 'Export | to *Excel*', source: 'ticket', companyId: '2', companyName: null },
      ],
    },
  ],
  otherCount: 1,
  otherQuotes: [{ text: 'Dark mode', source: 'survey', companyId: null, companyName: null }],
  delivery: { status: 'task', reference: '77', at: null, detail: null },
};

describe('the digest renderings', () => {
  it('when a quote holds markup, then the HTML shows it as text', () => {
    const html = digestHtml(digest);
    expect(html).toContain(
      '“=HYPERLINK(&quot;x&quot;) &lt;script&gt;alert(1)&lt;/script&gt;” — A &amp; B (survey)',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      '<tr><td>excel · export</td><td>3</td><td>1</td><td>up</td><td>2</td><td>42,000</td></tr>',
    );
  });

  it('when a quote looks like a formula or holds commas and quotes, then the CSV cell is guarded and quoted', () => {
    const [head, row] = digestCsv(digest).split('\r\n');
    expect(head).toBe(
      'month,theme,count,survey_comments,tickets,last_month,trend,companies,contract_value,companies_without_value,quote_1,quote_2,quote_3',
    );
    expect(row).toBe(
      `2026-11,excel · export,3,2,1,1,up,2,42000,1,"'=HYPERLINK(""x"") <script>alert(1)</script> — A & B",Export | to *Excel* — company unknown,`,
    );
  });

  it('when a quote holds Markdown characters, then they are escaped so the table and text stay as written', () => {
    const md = digestMarkdown(digest);
    expect(md).toContain('| excel · export | 3 | 1 | up | 2 | 42,000 |');
    expect(md).toContain('> “Export \\| to \\*Excel\\*” — company unknown (ticket)');
    expect(md).toContain('## Other feedback\n\n1 comments and tickets resemble no other one this month.');
  });

  it('when the portal writes in Portuguese, then the digest is in Portuguese with Brazilian numbers', () => {
    const md = digestMarkdown(digest, 'pt-BR');
    expect(md).toContain('# Resumo de feedback de produto 2026-11');
    expect(md).toContain('| excel · export | 3 | 1 | subiu | 2 | 42.000 |');
    expect(digestTable(digest, 'pt-BR').split('\n')[1]).toBe(
      'Tema            Quantidade  Mês anterior  Tendência  Empresas  Valor de contrato',
    );
  });

  it('when a month had no feedback, then every rendering says so', () => {
    const empty = { ...digest, itemCount: 0, themes: [], otherCount: 0, otherQuotes: [] };
    expect(digestMarkdown(empty)).toBe(
      '# Product-feedback digest 2026-11\n\nNo survey comments or feature-request tickets this month.\n',
    );
    expect(digestTable(empty)).toContain('No survey comments or feature-request tickets this month.');
  });
});
