/** Cells spreadsheets use for "no value"; they count as blank, not as malformed. */
const blankWords = new Set(['', 'n/a', 'na', '#n/a', 'null', 'none', 'nan', '-', '?']);

export function isBlankCell(cell: string): boolean {
  const text = hasOuterSpace(cell) ? cell.trim() : cell;
  // Every blank word is at most 4 characters: skip the lowercasing for real values.
  return text.length <= 4 && blankWords.has(text.toLowerCase());
}

function hasOuterSpace(cell: string): boolean {
  return cell.length > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32);
}

const spreadsheetError = /^\s*#(?:value!|ref!|div\/0!|name\?|num!|null!|spill!|calc!)\s*$/i;

/** Excel/Sheets error values (#VALUE!, #REF!, #DIV/0!…): a broken formula, never a category. */
export function isSpreadsheetError(cell: string): boolean {
  return cell.length > 0 && cell.trimStart().startsWith('#') && spreadsheetError.test(cell);
}

const plainNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
// Only well-formed groups of three, so a European decimal comma ("1,5") is malformed, not fifteen.
const groupedNumber = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const currencyPrefix = /^([+-]?)\s*[$€£]\s*/;

/**
 * A number as spreadsheets write it: "1234", "-0.5", "1e3", "1,234.50" (comma thousands), "45%" (→ 45, the
 * percentage as written), "$1,200" (leading $, € or £). Anything else is undefined (malformed).
 */
export function readNumber(cell: string): number | undefined {
  if (plainNumber.test(cell)) return finite(Number(cell));
  let text = cell.trim();
  if (text.endsWith('%')) text = text.slice(0, -1).trimEnd();
  text = text.replace(currencyPrefix, '$1');
  if (groupedNumber.test(text)) text = text.replaceAll(',', '');
  return plainNumber.test(text) ? finite(Number(text)) : undefined;
}

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

const labelWords = new Map<string, 0 | 1>([
  ['1', 1],
  ['0', 0],
  ['true', 1],
  ['false', 0],
  ['yes', 1],
  ['no', 0],
  ['y', 1],
  ['n', 0],
  ['churned', 1],
  ['retained', 0],
  ['renewed', 0],
]);

/** The spellings readLabel accepts, for messages. */
export const labelSpellings = '1/0, true/false, yes/no, y/n, churned/retained or churned/renewed';

/** 1 = churned, 0 = retained; undefined for anything else ("1.0" and "0.00" count as 1 and 0). */
export function readLabel(cell: string): 0 | 1 | undefined {
  const text = cell.trim().toLowerCase();
  const word = labelWords.get(text);
  if (word !== undefined) return word;
  const value = plainNumber.test(text) ? Number(text) : Number.NaN;
  return value === 1 ? 1 : value === 0 ? 0 : undefined;
}
