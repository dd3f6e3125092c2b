import {
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

/** One column of a section's table: its header and what each row shows under it, aligned alike. */
export interface SectionColumn<Row> {
  header: string;
  align?: 'left' | 'center' | 'right';
  cell: (row: Row) => ReactNode;
}

/** The table shows one page of a longer list; the section's owner fetches the page asked for. */
export interface SectionPager {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
}

export interface SectionTableProps<Row> {
  title: string;
  /** What the section says instead of the table when there is nothing to list. */
  emptyText: string;
  /** Whether there is nothing to list; by default, when there are no rows. */
  isEmpty?: boolean;
  testId: string;
  columns: readonly SectionColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Between the heading and the table, when there is a table (a summary, a spinner). */
  intro?: ReactNode;
  pager?: SectionPager;
  /** Under the section, table or not (how much of a capped list is shown). */
  footer?: ReactNode;
}

// An absent align leaves the host's default; exactOptionalPropertyTypes forbids passing `undefined` for it.
const alignOf = ({ align }: { align?: SectionColumn<never>['align'] }) =>
  align === undefined ? {} : { align };

/** A home-page section listing companies: a heading, then a table of them or the reason there is none. */
export function SectionTable<Row>(props: SectionTableProps<Row>) {
  const { columns, rows, pager } = props;
  const head = (
    <TableHead>
      <TableRow>
        {columns.map((column, index) => (
          <TableHeader key={index} {...alignOf(column)}>
            {column.header}
          </TableHeader>
        ))}
      </TableRow>
    </TableHead>
  );
  const body = (
    <TableBody>
      {rows.map((row) => (
        <TableRow key={props.rowKey(row)}>
          {columns.map((column, index) => (
            <TableCell key={index} {...alignOf(column)}>
              {column.cell(row)}
            </TableCell>
          ))}
        </TableRow>
      ))}
    </TableBody>
  );
  return (
    <Tile>
      <Flex direction="column" gap="sm">
        <Heading>{props.title}</Heading>
        {(props.isEmpty ?? rows.length === 0) ? (
          <Text>{props.emptyText}</Text>
        ) : (
          <>
            {props.intro}
            {pager === undefined ? (
              <Table testId={props.testId}>
                {head}
                {body}
              </Table>
            ) : (
              <Table
                testId={props.testId}
                paginated
                page={pager.page}
                pageCount={pager.pageCount}
                onPageChange={pager.onPageChange}
                showButtonLabels
              >
                {head}
                {body}
              </Table>
            )}
          </>
        )}
        {props.footer}
      </Flex>
    </Tile>
  );
}
