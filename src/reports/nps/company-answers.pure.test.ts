import { describe, expect, it } from 'vitest';

import { commentExcerpt, npsHistoryOf } from './company-answers.pure.ts';

const now = Date.parse('2026-11-24T12:00:00Z');

describe('the card’s NPS history', () => {
  it('when a company has NPS, CSAT, CES and custom answers, then the three surveys come newest first with their buckets', () => {
    const history = npsHistoryOf(
      '101',
      [
        { type: 'NPS', value: '9', content: 'Love it', submitted: '2026-10-01T10:00:00Z' },
        { type: 'CSAT', value: '0', content: null, submitted: '2026-11-01T10:00:00Z' },
        { type: 'CES', value: '4', content: '  ', submitted: '1793872800000' },
        { type: 'CUSTOM', value: '3', content: null, submitted: '2026-11-10T10:00:00Z' },
        { type: 'CSAT', value: '4', content: null, submitted: '2026-11-11T10:00:00Z' },
        { type: 'NPS', value: '2', content: null, submitted: '2026-12-01T10:00:00Z' },
      ],
      now,
    );
    // 1793786400000 ms is 2026-11-05T10:00:00Z; the custom survey, the CSAT "4" and the future answer are left out.
    expect(history).toEqual({
      companyId: '101',
      total: 3,
      answers: [
        { kind: 'CES', value: 4, bucket: 'passive', submittedAt: '2026-11-05T10:00:00.000Z', comment: null },
        {
          kind: 'CSAT',
          value: 0,
          bucket: 'detractor',
          submittedAt: '2026-11-01T10:00:00.000Z',
          comment: null,
        },
        {
          kind: 'NPS',
          value: 9,
          bucket: 'promoter',
          submittedAt: '2026-10-01T10:00:00.000Z',
          comment: 'Love it',
        },
      ],
    });
  });

  it('when a comment is long, then it is cut at a word before 280 characters with an ellipsis', () => {
    const excerpt = commentExcerpt(`${'word '.repeat(100)}end`);
    expect(excerpt.length).toBeLessThanOrEqual(281);
    expect(excerpt.endsWith('word…')).toBe(true);
    expect(commentExcerpt('Short\n  and   spaced')).toBe('Short and spaced');
  });
});
