import { describe, expect, it } from 'vitest';

import { CalibrationInputError } from '../calibration-input-error.ts';
import { buildCsvDataset, type CsvDatasetOptions } from './csv-dataset.pure.ts';
import { parseCsv } from './parse-csv.pure.ts';
import { readLabel, readNumber } from './read-cell.pure.ts';

/** A header plus `rows` generated rows: id, tickets, plan, churned (alternating, so both classes). */
function table(rows: number, cell: (row: number) => Partial<Record<string, string>> = () => ({})): string {
  const lines = ['id,tickets,plan,churned'];
  for (let r = 0; r < rows; r += 1) {
    const values = {
      id: `A${r}`,
      tickets: String(r % 7),
      plan: ['Starter', 'Pro', 'Enterprise'][r % 3] ?? '',
      churned: r % 2 === 0 ? 'yes' : 'no',
      ...cell(r),
    };
    lines.push([values.id, values.tickets, values.plan, values.churned].join(','));
  }
  return lines.join('\n');
}

function build(text: string, options: CsvDatasetOptions = { label: 'churned', id: 'id' }) {
  return buildCsvDataset(parseCsv(text), options);
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CalibrationInputError);
    return (error as Error).message;
  }
  throw new Error('expected a CalibrationInputError');
}

describe('readNumber and readLabel', () => {
  it('reads numbers as spreadsheets write them', () => {
    expect(readNumber('1234')).toBe(1234);
    expect(readNumber(' -0.5 ')).toBe(-0.5);
    expect(readNumber('1,234.5')).toBe(1234.5);
    expect(readNumber('45%')).toBe(45);
    expect(readNumber('$1,200')).toBe(1200);
    expect(readNumber('1e3')).toBe(1000);
    expect(readNumber('1,5')).toBeUndefined();
    expect(readNumber('12 seats')).toBeUndefined();
    expect(readNumber('Infinity')).toBeUndefined();
  });

  it('reads churn labels in the usual spellings, any case', () => {
    for (const churned of ['1', 'TRUE', 'Yes', 'y', 'Churned', '1.0']) expect(readLabel(churned)).toBe(1);
    for (const retained of ['0', 'false', 'NO', 'n', 'retained', 'Renewed', '0.00'])
      expect(readLabel(retained)).toBe(0);
    expect(readLabel('maybe')).toBeUndefined();
    expect(readLabel('2')).toBeUndefined();
  });
});

describe('buildCsvDataset', () => {
  it('types numeric and categorical columns and one-hot encodes categories, most frequent level first', () => {
    const dataset = build(table(30, (r) => (r < 2 ? { plan: 'Pro' } : {})));
    expect(dataset.n).toBe(30);
    expect(dataset.features).toEqual(['tickets', 'plan=Pro', 'plan=Enterprise', 'plan=Starter']);
    expect(dataset.columns.map((column) => column.kind)).toEqual(['numeric', 'categorical']);
    // Row 4: tickets 4, plan Pro (4 % 3 = 1).
    expect(Array.from(dataset.x.subarray(4 * 4, 5 * 4))).toEqual([4, 1, 0, 0]);
    expect(dataset.ids?.[4]).toBe('A4');
    expect(Array.from(dataset.y.subarray(0, 4))).toEqual([1, 0, 1, 0]);
  });

  it('merges category spellings that differ only in case and spaces', () => {
    const dataset = build(table(30, (r) => (r % 3 === 1 ? { plan: r % 2 === 0 ? ' pro ' : 'PRO' } : {})));
    expect(dataset.features.filter((name) => name.startsWith('plan='))).toHaveLength(3);
  });

  it('counts blank and malformed cells, keeps them as missing and warns about the malformed ones', () => {
    const dataset = build(
      table(30, (r) =>
        r === 0 ? { tickets: '' } : r === 1 ? { tickets: 'n/a' } : r === 2 ? { tickets: 'lots' } : {},
      ),
    );
    expect(dataset.cells).toEqual({ blank: 2, malformed: 1 });
    expect(Number.isNaN(dataset.x[0])).toBe(true);
    expect(Number.isNaN(dataset.x[2 * dataset.d])).toBe(true);
    expect(dataset.warnings.join('\n')).toContain("'lots'");
  });

  it('counts spreadsheet error values in a category as malformed, not as a level', () => {
    const dataset = build(table(30, (r) => (r === 3 ? { plan: '#REF!' } : {})));
    expect(dataset.features).not.toContain('plan=#REF!');
    expect(dataset.cells.malformed).toBe(1);
  });

  it('skips rows with a blank, unreadable or ragged label and says why', () => {
    const text = `${table(30, (r) => (r === 0 ? { churned: '' } : r === 1 ? { churned: 'maybe' } : {}))}\nA99,3\n`;
    const dataset = build(text);
    expect(dataset.n).toBe(28);
    expect(dataset.skippedRows).toBe(3);
    const warnings = dataset.warnings.join('\n');
    expect(warnings).toContain("1 rows skipped: 'churned' is blank");
    expect(warnings).toContain("'maybe'");
    expect(warnings).toContain('line 32');
  });

  it('ignores a text column with too many different values, with a warning', () => {
    const dataset = build(table(60), { label: 'churned' });
    expect(dataset.features).not.toContain('id=A1');
    expect(dataset.columns[0]).toMatchObject({ name: 'id', kind: 'ignored' });
    expect(dataset.warnings.join('\n')).toContain(
      "Column 'id' ignored: it has more than 50 different values",
    );
  });

  it('treats the segment and id columns as non-features and labels a blank segment', () => {
    const dataset = build(
      table(30, (r) => (r === 5 ? { plan: '' } : {})),
      {
        label: 'churned',
        segment: 'plan',
        id: 'id',
      },
    );
    expect(dataset.features).toEqual(['tickets']);
    expect(dataset.segments?.[5]).toBe('(blank)');
    expect(dataset.segments?.[4]).toBe('Pro');
  });

  it('finds a column whatever its case', () => {
    expect(build(table(30), { label: 'CHURNED' }).n).toBe(30);
  });

  describe('refuses files it cannot calibrate from, with a message a spreadsheet user can act on', () => {
    it('an empty file', () => {
      expect(errorOf(() => build(''))).toMatch(/^The file is empty/);
    });

    it('a header with no rows', () => {
      expect(errorOf(() => build('id,tickets,churned\n'))).toBe(
        'The file has a header row but no data rows.',
      );
    });

    it('an unknown label, segment or id column, listing the columns found', () => {
      const columns = 'Columns in the file: id, tickets, plan, churned.';
      expect(errorOf(() => build(table(30), { label: 'churn' }))).toBe(
        `Label column 'churn' not found. ${columns}`,
      );
      expect(errorOf(() => build(table(30), { label: 'churned', segment: 'tier' }))).toBe(
        `Segment column 'tier' not found. ${columns}`,
      );
      expect(errorOf(() => build(table(30), { label: 'churned', id: 'account' }))).toBe(
        `Id column 'account' not found. ${columns}`,
      );
    });

    it('a label with a single class', () => {
      expect(errorOf(() => build(table(30, () => ({ churned: 'no' }))))).toBe(
        "label column 'churned' has only one class (every usable row is 0); calibration needs churned and retained accounts",
      );
      expect(errorOf(() => build(table(30, () => ({ churned: 'TRUE' }))))).toContain('every usable row is 1');
    });

    it('a label column with nothing readable in it', () => {
      expect(errorOf(() => build(table(30, () => ({ churned: 'soon' }))))).toBe(
        "No row has a usable churn label in column 'churned': expected 1/0, true/false, yes/no, y/n, churned/retained or churned/renewed. Found e.g. 'soon'.",
      );
    });

    it('too few rows, or too few of one class', () => {
      expect(errorOf(() => build(table(12)))).toBe(
        'Only 12 usable rows; calibration needs at least 20 accounts with a churn label.',
      );
      expect(errorOf(() => build(table(40, (r) => ({ churned: r < 3 ? 'yes' : 'no' }))))).toBe(
        'Only 3 churned and 37 retained accounts; calibration needs at least 5 of each.',
      );
    });

    it('no usable feature column', () => {
      const text = ['id,churned', ...Array.from({ length: 30 }, (_, r) => `A${r},${r % 2}`)].join('\n');
      expect(errorOf(() => build(text))).toBe(
        'No column can be used to predict churn (the file has only the label, segment and id columns).',
      );
      const constant = table(30, () => ({ tickets: '3', plan: 'Pro' }));
      expect(errorOf(() => build(constant))).toBe(
        "No column can be used to predict churn: 'tickets' has the same value in every row; 'plan' has the same value in every row.",
      );
    });
  });
});
