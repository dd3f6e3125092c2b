import type { StrategyTrend } from '@harbor/wire';

/**
 * A change of less than half a percentage point over the window reads as flat: the figures are fractions of
 * revenue or logos, and half a point is inside what one late-booked renewal moves them by.
 */
export const flatBand = 0.005;

/**
 * NPS moves in whole points on −100…100, and a segment's score carries a sampling error of several points;
 * a line that moves less than 2 points over the window reads as flat.
 */
export const npsFlatBand = 2;

/**
 * The trend of a metric over consecutive periods (oldest first; null where a period had no base): the
 * least-squares line through the figures there are, read as the change it makes from the first figure's
 * period to the last's. A line rather than last-minus-first, so one odd period at either end does not flip
 * the verdict. Better or worse by the metric's direction; flat inside `flatBand`; null with fewer than two
 * figures, where there is no line to draw.
 */
export function trendOf(
  values: readonly (number | null)[],
  higherIsBetter: boolean,
  band: number = flatBand,
): StrategyTrend | null {
  const points = values.flatMap((value, index) => (value === null ? [] : [{ x: index, y: value }]));
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || points.length < 2) return null;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY);
    variance += (point.x - meanX) ** 2;
  }
  // Rounded so that fractions like 0.93 − 0.925 land on the band exactly rather than a hair inside it.
  const change = roundTo((covariance / variance) * (last.x - first.x), 9);
  if (Math.abs(change) < band) return 'flat';
  return change > 0 === higherIsBetter ? 'better' : 'worse';
}

function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
