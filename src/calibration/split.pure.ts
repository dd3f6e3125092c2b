export interface SplitOptions {
  /** 1 = churned, per row. */
  labels: Uint8Array;
  /** Share of each class held out for testing (default 0.25). */
  holdout?: number;
  seed?: number;
  /** Per-row account ids: the split then depends on the ids, not on row order. */
  ids?: readonly string[];
}

/** Row indices, ascending. */
export interface TrainTestSplit {
  train: Int32Array;
  test: Int32Array;
}

/**
 * Deterministic stratified split: within each class, rows are ordered by a seeded hash (of the id when ids
 * are given, else of the row number) and the first round(holdout × class size) go to the test set. The same
 * file and seed always give the same split, and with ids a reordered file gives the same split too.
 */
export function splitTrainTest(options: SplitOptions): TrainTestSplit {
  const { labels, ids } = options;
  const holdout = options.holdout ?? 0.25;
  const seed = options.seed ?? 1;
  if (!(holdout > 0 && holdout < 1)) throw new RangeError('holdout must be between 0 and 1');
  if (ids !== undefined && ids.length !== labels.length) throw new RangeError('one id per row');
  const keys = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i += 1) {
    const id = ids?.[i];
    keys[i] = id === undefined ? hashNumber(i, seed) : hashString(id, seed);
  }
  const isTest = new Uint8Array(labels.length);
  for (const label of [0, 1]) {
    const members = classMembers(labels, label);
    members.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || compareIds(ids, a, b) || a - b);
    const testCount = Math.round(holdout * members.length);
    for (let k = 0; k < testCount; k += 1) isTest[members[k] ?? 0] = 1;
  }
  return partition(isTest);
}

/**
 * k stratified folds (0 … k−1 per row) from a seeded shuffle within each class, dealt round-robin so each
 * fold gets its share of churners.
 */
export function assignFolds(labels: Uint8Array, folds: number, seed: number): Uint8Array {
  const fold = new Uint8Array(labels.length);
  const keys = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i += 1) keys[i] = hashNumber(i, seed);
  for (const label of [0, 1]) {
    const members = classMembers(labels, label);
    members.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
    members.forEach((row, position) => {
      fold[row] = position % folds;
    });
  }
  return fold;
}

function classMembers(labels: Uint8Array, label: number): number[] {
  const members: number[] = [];
  for (let i = 0; i < labels.length; i += 1) if (labels[i] === label) members.push(i);
  return members;
}

function compareIds(ids: readonly string[] | undefined, a: number, b: number): number {
  const left = ids?.[a] ?? '';
  const right = ids?.[b] ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}

function partition(isTest: Uint8Array): TrainTestSplit {
  let tests = 0;
  for (const flag of isTest) tests += flag;
  const train = new Int32Array(isTest.length - tests);
  const test = new Int32Array(tests);
  let t = 0;
  let r = 0;
  isTest.forEach((flag, row) => {
    if (flag === 1) test[t++] = row;
    else train[r++] = row;
  });
  return { train, test };
}

/** murmur3's 32-bit finaliser. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A seeded hash of an integer, uniform in [0, 1). */
export function hashNumber(value: number, seed: number): number {
  return mix32(mix32(value ^ 0x9e3779b9) ^ mix32(seed + 0x6a09e667)) / 4_294_967_296;
}

/** A seeded FNV-1a hash of a string, mixed and scaled to [0, 1). */
export function hashString(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ mix32(seed);
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h) / 4_294_967_296;
}
