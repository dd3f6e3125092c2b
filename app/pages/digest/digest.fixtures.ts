import type { DigestListWire, FeedbackDigestWire } from '@harbor/wire';

export const digestList: DigestListWire = {
  digests: [
    {
      month: '2026-11',
      builtAt: '2026-12-01T06:23:00.000Z',
      itemCount: 6,
      themeCount: 2,
      topThemes: ['excel · export · reports', 'login · sso'],
      delivery: 'task',
    },
    {
      month: '2026-10',
      builtAt: '2026-11-01T06:23:00.000Z',
      itemCount: 0,
      themeCount: 0,
      topThemes: [],
      delivery: 'empty',
    },
  ],
};

export const novemberDigest: FeedbackDigestWire = {
  portalId: 4242,
  month: '2026-11',
  builtAt: '2026-12-01T06:23:00.000Z',
  currency: 'BRL',
  sources: { surveyComments: 4, featureRequestTickets: 2 },
  itemCount: 6,
  previousItemCount: 1,
  themes: [
    {
      label: 'excel · export · reports',
      keywords: ['excel', 'export', 'reports'],
      count: 4,
      bySource: { survey: 3, ticket: 1 },
      companies: 3,
      contractValue: 42_000,
      companiesWithoutValue: 1,
      previousCount: 1,
      trend: 'up',
      quotes: [
        {
          text: 'Please add export to Excel',
          source: 'survey',
          companyId: '1',
          companyName: 'Acme Logistics',
        },
        { text: 'Request: export reports to Excel', source: 'ticket', companyId: '2', companyName: null },
      ],
    },
    {
      label: 'login · sso',
      keywords: ['login', 'sso'],
      count: 2,
      bySource: { survey: 1, ticket: 1 },
      companies: 2,
      contractValue: 38_000,
      companiesWithoutValue: 0,
      previousCount: 0,
      trend: 'new',
      quotes: [
        { text: 'Login com SSO não funciona', source: 'ticket', companyId: '4', companyName: 'Delta Têxtil' },
      ],
    },
  ],
  otherCount: 0,
  otherQuotes: [],
  delivery: { status: 'task', reference: '77', at: '2026-12-01T06:23:05.000Z', detail: null },
};

export const octoberDigest: FeedbackDigestWire = {
  ...novemberDigest,
  month: '2026-10',
  builtAt: '2026-11-01T06:23:00.000Z',
  sources: { surveyComments: 0, featureRequestTickets: 0 },
  itemCount: 0,
  previousItemCount: 0,
  themes: [],
  delivery: { status: 'empty', reference: null, at: null, detail: null },
};
