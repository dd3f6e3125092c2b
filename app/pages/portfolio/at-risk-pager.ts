/**
 * Which page of the at-risk list is shown, and the cursors learnt so far. The service pages by cursor (each
 * page says where the next begins), so the table offers the pages seen and the one after the last seen;
 * a later page is one click further, never a guess.
 */
export interface AtRiskPager {
  page: number;
  /** cursors[i] opens page i + 1; page 1 needs none. */
  cursors: readonly (string | undefined)[];
}

export const firstAtRiskPage: AtRiskPager = { page: 1, cursors: [undefined] };

export function cursorOf(pager: AtRiskPager): string | undefined {
  return pager.cursors[pager.page - 1];
}

export function pageCountOf(pager: AtRiskPager): number {
  return pager.cursors.length;
}

/**
 * What page `page` said about the next one. A different cursor than before (the list changed) drops the
 * cursors after it, which were learnt from the old list; none means `page` is the last.
 */
export function learnNextCursor(pager: AtRiskPager, page: number, next: string | null): AtRiskPager {
  if (next === null) {
    if (pager.cursors.length === page) return pager;
    return { page: Math.min(pager.page, page), cursors: pager.cursors.slice(0, page) };
  }
  if (pager.cursors[page] === next) return pager;
  return { ...pager, cursors: [...pager.cursors.slice(0, page), next] };
}

export function goToPage(pager: AtRiskPager, page: number): AtRiskPager {
  const target = Math.min(Math.max(1, Math.trunc(page)), pageCountOf(pager));
  return target === pager.page ? pager : { ...pager, page: target };
}
