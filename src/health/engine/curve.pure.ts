import type { Curve } from '../model/health-model-schema.ts';

/** Points for a raw value on a piecewise-linear curve; flat beyond the first and last breakpoints. */
export function curvePoints(curve: Curve, value: number): number {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (first === undefined || last === undefined) return 0;
  if (value <= first[0]) return first[1];
  if (value >= last[0]) return last[1];
  for (let index = 1; index < curve.length; index += 1) {
    const upper = curve[index];
    const lower = curve[index - 1];
    if (upper === undefined || lower === undefined) break;
    if (value <= upper[0]) {
      const share = (value - lower[0]) / (upper[0] - lower[0]);
      return lower[1] + share * (upper[1] - lower[1]);
    }
  }
  return last[1];
}
