import { describe, expect, it } from 'vitest';

import { cursorOf, firstAtRiskPage, goToPage, learnNextCursor, pageCountOf } from './at-risk-pager.ts';

describe('paging through the at-risk companies', () => {
  it('when each page names the next, then the table offers one more page, and going back reuses the cursors learnt', () => {
    let pager = learnNextCursor(firstAtRiskPage, 1, 'c2');
    expect(pageCountOf(pager)).toBe(2);
    pager = goToPage(pager, 2);
    expect(cursorOf(pager)).toBe('c2');
    pager = learnNextCursor(pager, 2, 'c3');
    expect(pageCountOf(pager)).toBe(3);
    pager = goToPage(pager, 1);
    expect(cursorOf(pager)).toBeUndefined();
    expect(learnNextCursor(pager, 1, 'c2')).toBe(pager);
  });

  it('when a page turns out to be the last, or the list changed under it, then later pages are forgotten', () => {
    const three = { page: 2, cursors: [undefined, 'c2', 'c3'] };
    expect(learnNextCursor(three, 2, null)).toEqual({ page: 2, cursors: [undefined, 'c2'] });
    expect(learnNextCursor(three, 1, 'other')).toEqual({ page: 2, cursors: [undefined, 'other'] });
  });

  it('when a page beyond the known ones is asked for, then the last known one is shown', () => {
    expect(goToPage({ page: 1, cursors: [undefined, 'c2'] }, 9).page).toBe(2);
    expect(goToPage(firstAtRiskPage, 0)).toBe(firstAtRiskPage);
  });
});
