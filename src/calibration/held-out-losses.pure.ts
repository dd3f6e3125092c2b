export interface CrossValidationPoint {
  l2: number;
  /** Mean held-out log-loss over all folds. */
  logLoss: number;
}

/** Every row's held-out log-loss under each candidate l2 (each row is held out in exactly one fold). */
export class HeldOutLosses {
  readonly #grid: readonly number[];
  readonly #losses: Float64Array[];

  constructor(grid: readonly number[], n: number) {
    this.#grid = grid;
    this.#losses = grid.map(() => new Float64Array(n));
  }

  add(index: number, rows: Int32Array, probabilities: Float64Array, labels: Uint8Array): void {
    const losses = this.#losses[index];
    if (losses === undefined) return;
    rows.forEach((row, k) => {
      const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[k] ?? 0));
      losses[row] = labels[k] === 1 ? -Math.log(p) : -Math.log(1 - p);
    });
  }

  /** Ascending l2. */
  points(): CrossValidationPoint[] {
    return this.#grid
      .map((l2, index) => ({ l2, logLoss: mean(this.#losses[index] ?? new Float64Array(0)) }))
      .sort((a, b) => a.l2 - b.l2);
  }

  /** The l2 with the lowest mean loss; ties keep the larger. */
  lowest(): number {
    return this.#grid[this.#lowestIndex()] ?? 1;
  }

  /**
   * The largest l2 whose loss is not worse than the lowest by more than one standard error of the paired
   * per-row differences: the simplest model the held-out data cannot tell apart from the best one.
   */
  simplestWithinOneStandardError(): number {
    const bestIndex = this.#lowestIndex();
    const best = this.#losses[bestIndex] ?? new Float64Array(0);
    const bestL2 = this.#grid[bestIndex] ?? 1;
    const candidates = this.#grid
      .map((l2, index) => ({ l2, index }))
      .filter(({ l2 }) => l2 > bestL2)
      .sort((a, b) => b.l2 - a.l2);
    for (const { l2, index } of candidates) {
      const losses = this.#losses[index] ?? new Float64Array(0);
      const differences = losses.map((loss, row) => loss - (best[row] ?? 0));
      if (mean(differences) <= standardErrorOfMean(differences)) return l2;
    }
    return bestL2;
  }

  #lowestIndex(): number {
    let winner = 0;
    this.#grid.forEach((l2, index) => {
      const loss = mean(this.#losses[index] ?? new Float64Array(0));
      const winning = mean(this.#losses[winner] ?? new Float64Array(0));
      if (loss < winning - 1e-12 || (loss <= winning + 1e-12 && l2 > (this.#grid[winner] ?? 0)))
        winner = index;
    });
    return winner;
  }
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? 0 : sum / values.length;
}

function standardErrorOfMean(values: Float64Array): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / (values.length - 1) / values.length);
}
