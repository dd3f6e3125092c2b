/** Per-column mean and standard deviation, learnt from training rows only. */
export interface Standardizer {
  means: Float64Array;
  sds: Float64Array;
}

/**
 * Means and sample standard deviations of each column over `rows` (default: all), ignoring NaN (a missing
 * cell). A constant or all-missing column gets sd 1, so it standardises to 0 instead of dividing by zero.
 */
export function fitStandardizer(
  x: Float64Array,
  n: number,
  d: number,
  rows?: ArrayLike<number>,
): Standardizer {
  const means = new Float64Array(d);
  const sds = new Float64Array(d);
  const counts = new Float64Array(d);
  const m2 = new Float64Array(d);
  const count = rows === undefined ? n : rows.length;
  for (let k = 0; k < count; k += 1) {
    const offset = (rows === undefined ? k : (rows[k] ?? 0)) * d;
    for (let j = 0; j < d; j += 1) {
      const value = x[offset + j] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      // Welford: stable for large values such as revenue in cents.
      const seen = (counts[j] ?? 0) + 1;
      counts[j] = seen;
      const delta = value - (means[j] ?? 0);
      means[j] = (means[j] ?? 0) + delta / seen;
      m2[j] = (m2[j] ?? 0) + delta * (value - (means[j] ?? 0));
    }
  }
  for (let j = 0; j < d; j += 1) {
    const seen = counts[j] ?? 0;
    const sd = seen > 1 ? Math.sqrt((m2[j] ?? 0) / (seen - 1)) : 0;
    sds[j] = sd > 1e-12 * Math.max(1, Math.abs(means[j] ?? 0)) ? sd : 1;
  }
  return { means, sds };
}

/**
 * (x − mean) / sd for the listed rows (default: all), into a new row-major matrix. A missing cell (NaN)
 * becomes 0, i.e. it is imputed with the training mean.
 */
export function applyStandardizer(
  x: Float64Array,
  n: number,
  d: number,
  standardizer: Standardizer,
  rows?: ArrayLike<number>,
): Float64Array {
  const count = rows === undefined ? n : rows.length;
  const out = new Float64Array(count * d);
  for (let k = 0; k < count; k += 1) {
    const source = (rows === undefined ? k : (rows[k] ?? 0)) * d;
    const target = k * d;
    for (let j = 0; j < d; j += 1) {
      const value = x[source + j] ?? Number.NaN;
      out[target + j] = Number.isNaN(value)
        ? 0
        : (value - (standardizer.means[j] ?? 0)) / (standardizer.sds[j] ?? 1);
    }
  }
  return out;
}

/**
 * Coefficients per standard deviation → per raw unit of each column (and the matching intercept), so the
 * same model can score raw values: β_raw = β / sd, intercept_raw = intercept − Σ β·mean / sd.
 */
export function toRawCoefficients(
  intercept: number,
  coefficients: Float64Array,
  standardizer: Standardizer,
): { intercept: number; coefficients: Float64Array } {
  const raw = new Float64Array(coefficients.length);
  let rawIntercept = intercept;
  for (let j = 0; j < coefficients.length; j += 1) {
    const perUnit = (coefficients[j] ?? 0) / (standardizer.sds[j] ?? 1);
    raw[j] = perUnit;
    rawIntercept -= perUnit * (standardizer.means[j] ?? 0);
  }
  return { intercept: rawIntercept, coefficients: raw };
}
