/**
 * Solves A·s = b for symmetric positive (semi)definite A by Cholesky; a jitter on the diagonal rescues the
 * singular cases (l2 = 0 with collinear columns, or every probability saturated).
 */
export function solveSymmetric(matrix: Float64Array, rhs: Float64Array, m: number): Float64Array {
  let scale = 0;
  for (let a = 0; a < m; a += 1) scale = Math.max(scale, Math.abs(matrix[a * m + a] ?? 0));
  for (
    let attempt = 0, jitter = 0;
    attempt < 12;
    attempt += 1, jitter = jitter === 0 ? 1e-12 * (scale || 1) : jitter * 100
  ) {
    const factor = cholesky(matrix, m, jitter);
    if (factor !== null) return choleskySolve(factor, rhs, m);
  }
  return new Float64Array(m);
}

function cholesky(matrix: Float64Array, m: number, jitter: number): Float64Array | null {
  const lower = new Float64Array(m * m);
  for (let a = 0; a < m; a += 1) {
    for (let b = 0; b <= a; b += 1) {
      let sum = (matrix[a * m + b] ?? 0) + (a === b ? jitter : 0);
      for (let k = 0; k < b; k += 1) sum -= (lower[a * m + k] ?? 0) * (lower[b * m + k] ?? 0);
      if (a === b) {
        if (!(sum > 0)) return null;
        lower[a * m + a] = Math.sqrt(sum);
      } else {
        lower[a * m + b] = sum / (lower[b * m + b] ?? 1);
      }
    }
  }
  return lower;
}

function choleskySolve(lower: Float64Array, rhs: Float64Array, m: number): Float64Array {
  const z = new Float64Array(m);
  for (let a = 0; a < m; a += 1) {
    let sum = rhs[a] ?? 0;
    for (let k = 0; k < a; k += 1) sum -= (lower[a * m + k] ?? 0) * (z[k] ?? 0);
    z[a] = sum / (lower[a * m + a] ?? 1);
  }
  const solution = new Float64Array(m);
  for (let a = m - 1; a >= 0; a -= 1) {
    let sum = z[a] ?? 0;
    for (let k = a + 1; k < m; k += 1) sum -= (lower[k * m + a] ?? 0) * (solution[k] ?? 0);
    solution[a] = sum / (lower[a * m + a] ?? 1);
  }
  return solution;
}
