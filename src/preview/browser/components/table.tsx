import type { ReactNode } from 'react';

import { classes } from './canvas-scale.ts';

interface Testable {
  testId?: string;
}

interface CellLayout {
  align?: 'left' | 'center' | 'right';
  width?: 'min' | 'max' | 'auto' | number;
}

function widthOf(width: CellLayout['width']): string | number | undefined {
  if (width === 'min') return '1%';
  if (width === 'max') return '100%';
  return width === 'auto' ? undefined : width;
}

export function Table({
  children,
  bordered = true,
  flush,
  density = 'default',
  testId,
  ...pagination
}: Testable & {
  children?: ReactNode;
  bordered?: boolean;
  flush?: boolean;
  density?: 'default' | 'condensed' | 'compact';
  paginated?: boolean;
  pageCount?: number;
  page?: number;
  maxVisiblePageButtons?: number;
  showButtonLabels?: boolean;
  showFirstLastButtons?: boolean;
  onPageChange?: (page: number) => void;
}) {
  const pageCount = pagination.pageCount ?? 1;
  const page = pagination.page ?? 1;
  const maxButtons = pagination.maxVisiblePageButtons ?? 5;
  const first = Math.max(1, Math.min(page - Math.floor(maxButtons / 2), pageCount - maxButtons + 1));
  const pages = Array.from({ length: Math.min(maxButtons, pageCount) }, (_unused, index) => first + index);
  const go = (target: number): void => {
    if (target >= 1 && target <= pageCount && target !== page) pagination.onPageChange?.(target);
  };
  return (
    <div data-testid={testId} className={classes('cv-table-wrap', flush === true && 'cv-flush')}>
      <table className={classes('cv-table', bordered && 'cv-table--bordered', `cv-table--${density}`)}>
        {children}
      </table>
      {pagination.paginated === true && pageCount > 1 ? (
        <nav className="cv-pager" aria-label="Pagination">
          <button
            type="button"
            className="cv-pager__step"
            disabled={page <= 1}
            onClick={() => {
              go(page - 1);
            }}
          >
            ‹ {pagination.showButtonLabels === false ? '' : 'Prev'}
          </button>
          {pages.map((number) => (
            <button
              key={number}
              type="button"
              aria-current={number === page ? 'page' : undefined}
              className={classes('cv-pager__page', number === page && 'cv-pager__page--current')}
              onClick={() => {
                go(number);
              }}
            >
              {number}
            </button>
          ))}
          <button
            type="button"
            className="cv-pager__step"
            disabled={page >= pageCount}
            onClick={() => {
              go(page + 1);
            }}
          >
            {pagination.showButtonLabels === false ? '' : 'Next'} ›
          </button>
        </nav>
      ) : null}
    </div>
  );
}

export function TableHead({ children }: Testable & { children?: ReactNode }) {
  return <thead>{children}</thead>;
}

export function TableBody({ children }: Testable & { children?: ReactNode }) {
  return <tbody>{children}</tbody>;
}

export function TableFooter({ children }: Testable & { children?: ReactNode }) {
  return <tfoot>{children}</tfoot>;
}

export function TableRow({ children, testId }: Testable & { children?: ReactNode }) {
  return <tr data-testid={testId}>{children}</tr>;
}

export function TableCell({
  children,
  align,
  width,
  colSpan,
  testId,
}: Testable & CellLayout & { children?: ReactNode; colSpan?: number }) {
  return (
    <td data-testid={testId} colSpan={colSpan} style={{ textAlign: align, width: widthOf(width) }}>
      {children}
    </td>
  );
}

const nextSort = { none: 'ascending', ascending: 'descending', descending: 'none' } as const;

export function TableHeader({
  children,
  align,
  width,
  sortDirection,
  onSortChange,
  disabled,
  testId,
}: Testable &
  CellLayout & {
    children?: ReactNode;
    sortDirection?: 'ascending' | 'descending' | 'none' | 'never';
    onSortChange?: (value: 'ascending' | 'descending' | 'none') => void;
    disabled?: boolean;
  }) {
  const isSortable = sortDirection !== undefined && sortDirection !== 'never';
  return (
    <th
      data-testid={testId}
      style={{ textAlign: align, width: widthOf(width) }}
      aria-sort={isSortable && sortDirection !== 'none' ? sortDirection : undefined}
    >
      {isSortable ? (
        <button
          type="button"
          className="cv-sort"
          disabled={disabled}
          onClick={() => onSortChange?.(nextSort[sortDirection])}
        >
          {children}
          <span className="cv-sort__arrow">
            {sortDirection === 'ascending' ? '▲' : sortDirection === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      ) : (
        children
      )}
    </th>
  );
}
