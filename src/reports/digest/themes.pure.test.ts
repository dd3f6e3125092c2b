import { describe, expect, it } from 'vitest';

import { clusterVectors } from './cluster.pure.ts';
import { tfidfVectors } from './tfidf.pure.ts';
import { findThemes, trendOf, type CompanyFacts, type FeedbackItem } from './themes.pure.ts';
import { tokenise } from './tokenise.pure.ts';

const survey = (id: number, text: string, companyId: string | null): FeedbackItem => ({
  id: `survey:${String(id).padStart(3, '0')}`,
  source: 'survey',
  text,
  companyId,
});
const ticket = (id: number, text: string, companyId: string | null): FeedbackItem => ({
  id: `ticket:${String(id).padStart(3, '0')}`,
  source: 'ticket',
  text,
  companyId,
});

const companies = new Map<string, CompanyFacts>([
  ['1', { name: 'Acme Logistics', contractValue: 12_000 }],
  ['2', { name: 'Borealis Foods', contractValue: 30_000 }],
  ['3', { name: 'Cajú Tecnologia', contractValue: null }],
  ['4', { name: 'Delta Têxtil', contractValue: 8_000 }],
]);

const thisMonth = [
  survey(1, 'Please add export to Excel', '1'),
  survey(2, 'Exportar para o Excel, por favor', '3'),
  ticket(3, 'Request: export reports to Excel', '2'),
  survey(4, 'SSO login fails every morning', '2'),
  ticket(5, 'Login com SSO não funciona', '4'),
  survey(6, 'Great!', '1'),
  survey(7, 'Dark mode would be nice', null),
];
const lastMonth = [ticket(90, 'Excel export is missing', '1'), survey(91, 'Mobile app crashes', '4')];

describe('tokenise', () => {
  it('when a text is English or Portuguese, then function words go and shared roots meet', () => {
    // "add" is how every request starts, so it says nothing about which one.
    expect(tokenise('Please add export to Excel').map((t) => t.stem)).toEqual(['export', 'excel']);
    // "para", "o", "por favor" are Portuguese function words; "exportar" loses its verb ending.
    expect(tokenise('Exportar para o Excel, por favor').map((t) => t.stem)).toEqual(['export', 'excel']);
    // Accents fall away and "-ação" is cut like "-ation": both languages meet at "integr".
    expect(tokenise('Integração com Slack').map((t) => t.stem)).toEqual(['integr', 'slack']);
    expect(tokenise('Slack integration').map((t) => t.stem)).toEqual(['slack', 'integr']);
    // Four letters at least survive: "user" is not cut to "us".
    expect(tokenise('users user').map((t) => t.stem)).toEqual(['user', 'user']);
  });
});

describe('clusterVectors', () => {
  it('when documents share heavy words, then they cluster; and the same input always gives the same clusters', () => {
    const docs = [
      ['export', 'excel'],
      ['sso', 'login'],
      ['export', 'excel', 'report'],
      ['login', 'sso', 'fail'],
    ];
    const vectors = tfidfVectors(docs);
    expect(clusterVectors(vectors)).toEqual([0, 1, 0, 1]);
    expect(clusterVectors(vectors)).toEqual(clusterVectors(tfidfVectors(docs)));
  });
});

describe('findThemes', () => {
  const result = findThemes({ current: thisMonth, previous: lastMonth, companies });

  it('when quotes are about Excel export and SSO login in two languages, then they make two separate themes', () => {
    expect(result.themes.map((theme) => theme.keywords.slice(0, 2).sort())).toEqual([
      ['excel', 'export'],
      ['login', 'sso'],
    ]);
    expect(result.themes.map((theme) => theme.count)).toEqual([3, 2]);
    expect(result.themes[0]?.bySource).toEqual({ survey: 2, ticket: 1 });
  });

  it('when a theme has companies, then their contract values add up once each and missing values are counted', () => {
    const [excel, sso] = result.themes;
    // Excel: Acme 12,000 + Borealis 30,000; Cajú has no contract value.
    expect(excel).toMatchObject({ companies: 3, contractValue: 42_000, companiesWithoutValue: 1 });
    // SSO: Borealis 30,000 + Delta 8,000.
    expect(sso).toMatchObject({ companies: 2, contractValue: 38_000, companiesWithoutValue: 0 });
  });

  it('when last month had a similar item, then the theme trends against it; a theme with none is new', () => {
    // "Excel export is missing" falls in the Excel theme: 1 then, 3 now.
    expect(result.themes[0]).toMatchObject({ previousCount: 1, trend: 'up' });
    expect(result.themes[1]).toMatchObject({ previousCount: 0, trend: 'new' });
    expect(result.previousItemCount).toBe(2);
  });

  it('when quotes are picked, then the shortest informative ones come first, with the company name', () => {
    expect(result.themes[0]?.quotes).toEqual([
      { text: 'Please add export to Excel', source: 'survey', companyId: '1', companyName: 'Acme Logistics' },
      {
        text: 'Exportar para o Excel, por favor',
        source: 'survey',
        companyId: '3',
        companyName: 'Cajú Tecnologia',
      },
      {
        text: 'Request: export reports to Excel',
        source: 'ticket',
        companyId: '2',
        companyName: 'Borealis Foods',
      },
    ]);
  });

  it('when an item resembles nothing else, then it is counted as other, not as a theme', () => {
    // "Great!" and "Dark mode would be nice" stand alone.
    expect(result.itemCount).toBe(7);
    expect(result.otherCount).toBe(2);
    expect(result.otherQuotes.map((quote) => quote.text)).toEqual(['Dark mode would be nice', 'Great!']);
  });

  it('when the input comes in another order, then the themes are the same', () => {
    const shuffled = findThemes({
      current: [...thisMonth].reverse(),
      previous: [...lastMonth].reverse(),
      companies,
    });
    expect(shuffled).toEqual(result);
  });

  it('counts then against now', () => {
    expect([trendOf(3, 0), trendOf(3, 1), trendOf(1, 3), trendOf(2, 2)]).toEqual([
      'new',
      'up',
      'down',
      'flat',
    ]);
  });
});
