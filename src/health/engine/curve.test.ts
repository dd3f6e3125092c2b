import { describe, expect, it } from 'vitest';

import { defaultHealthModel } from '../model/default-health-model.ts';
import type { Curve } from '../model/health-model-schema.ts';
import { curvePoints } from './curve.pure.ts';

const falling: Curve = [
  [0, 100],
  [10, 50],
  [20, 0],
];
const { curves } = defaultHealthModel;

describe('curvePoints', () => {
  it.each([
    // value, points: flat beyond the ends, linear between breakpoints, exact on a breakpoint
    [-5, 100],
    [0, 100],
    [2.5, 87.5],
    [5, 75],
    [10, 50],
    [15, 25],
    [20, 0],
    [1_000, 0],
  ])('on a falling curve, %d gives %d points', (value, points) => {
    expect(curvePoints(falling, value)).toBe(points);
  });

  it.each([
    // default seat_utilisation: [0.2,0] [0.4,35] [0.6,65] [0.8,90] [0.9,100]
    ['seat_utilisation', 0.1, 0],
    ['seat_utilisation', 0.2, 0],
    ['seat_utilisation', 0.3, 17.5],
    ['seat_utilisation', 0.5, 50],
    ['seat_utilisation', 0.8, 90],
    ['seat_utilisation', 0.85, 95],
    ['seat_utilisation', 1.2, 100],
    // default login_trend: [0.5,0] [0.75,35] [0.95,70] [1.1,90] [1.3,100]; 1.0 is a third of the way 0.95→1.1
    ['login_trend', 1, 70 + 20 / 3],
    // default days_past_due: [0,100] [7,80] [30,35] [60,0]; 18.5 is half way 7→30
    ['days_past_due', 18.5, 57.5],
    ['days_past_due', 45, 17.5],
  ] as const)('default %s curve: %d gives %d points', (id, value, points) => {
    const curve = curves[id];
    if (curve === undefined) throw new Error(`no default curve for ${id}`);
    expect(curvePoints(curve, value)).toBeCloseTo(points, 9);
  });

  it('is flat on a two-point curve outside its range and linear inside', () => {
    const rising: Curve = [
      [1, 20],
      [3, 60],
    ];
    expect([0, 1, 2, 3, 4].map((value) => curvePoints(rising, value))).toEqual([20, 20, 40, 60, 60]);
  });
});
