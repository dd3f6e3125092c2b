import type { ReactNode } from 'react';

interface Testable {
  testId?: string;
}

type Row = Record<string, number | string>;

interface ChartAxis {
  field: string;
  fieldType: 'datetime' | 'linear' | 'category';
  label?: string;
}

interface ChartProps extends Testable {
  data: Row[] | { data: Row[]; options?: { propertyLabels?: Record<string, Record<string, string>> } };
  axes: {
    x: ChartAxis;
    y: ChartAxis;
    options?: { groupFieldByColor?: string; stacking?: boolean; colors?: Record<string, string> };
  };
  options?: { title?: string; showLegend?: boolean; showDataLabels?: boolean; colorList?: string[] };
}

// HubSpot's chart palette, in its order.
const palette: Record<string, string> = {
  orange: '#ff8f59',
  aqua: '#00bda5',
  purple: '#8f7ee2',
  yellow: '#f5c26b',
  pink: '#f2547d',
  blue: '#4fb0e3',
  green: '#6ac37a',
  darkOrange: '#d9623a',
  darkAqua: '#00857a',
  darkPurple: '#6a5acd',
  darkYellow: '#c89b3c',
  darkPink: '#c23362',
  darkBlue: '#2f7eb8',
  darkGreen: '#3f8f50',
};
const order = Object.keys(palette);

const width = 560;
const height = 220;
const margin = { top: 12, right: 12, bottom: 34, left: 44 };

interface Series {
  name: string;
  color: string;
  points: Map<string, number>;
}

function prepare({ data, axes, options }: ChartProps): {
  rows: Row[];
  categories: string[];
  series: Series[];
  max: number;
  labelOf: (field: string, value: string) => string;
} {
  const rows = Array.isArray(data) ? data : data.data;
  const labels = Array.isArray(data) ? undefined : data.options?.propertyLabels;
  const labelOf = (field: string, value: string): string => labels?.[field]?.[value] ?? value;
  const xOf = (row: Row): string => {
    const value = row[axes.x.field];
    if (axes.x.fieldType !== 'datetime') return String(value ?? '');
    const date = new Date(typeof value === 'number' ? value : String(value));
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10);
  };
  const categories = [...new Set(rows.map(xOf))];
  // A category axis keeps the data's order; a linear one is in number order (10 after 9, not after 1).
  if (axes.x.fieldType === 'linear') categories.sort((a, b) => Number(a) - Number(b));
  if (axes.x.fieldType === 'datetime') categories.sort();
  const groupField = axes.options?.groupFieldByColor;
  const byName = new Map<string, Series>();
  for (const row of rows) {
    const name = groupField === undefined ? (axes.y.label ?? axes.y.field) : String(row[groupField] ?? '');
    let series = byName.get(name);
    if (series === undefined) {
      const named = axes.options?.colors?.[name];
      const listed = options?.colorList?.[byName.size];
      const colorName = named ?? listed ?? order[byName.size % order.length] ?? 'orange';
      series = { name, color: palette[colorName] ?? colorName, points: new Map() };
      byName.set(name, series);
    }
    const y = Number(row[axes.y.field] ?? 0);
    series.points.set(xOf(row), (series.points.get(xOf(row)) ?? 0) + (Number.isFinite(y) ? y : 0));
  }
  const series = [...byName.values()];
  const stacked = axes.options?.stacking === true;
  const max = Math.max(
    1,
    ...categories.map((category) =>
      stacked
        ? series.reduce((sum, one) => sum + (one.points.get(category) ?? 0), 0)
        : Math.max(0, ...series.map((one) => one.points.get(category) ?? 0)),
    ),
  );
  return { rows, categories, series, max, labelOf };
}

/** Round steps from zero to at least `max`, so the tallest bar fits under the top line. */
function niceTicks(max: number): number[] {
  const step = 10 ** Math.floor(Math.log10(max));
  const unit = max / step > 5 ? step * 2 : max / step > 2 ? step : step / 2;
  const count = Math.ceil(max / unit - 1e-9);
  return Array.from({ length: count + 1 }, (_unused, index) => Number((index * unit).toPrecision(6)));
}

function Frame({
  props,
  children,
  categories,
  max,
  series,
  labelOf,
}: {
  props: ChartProps;
  children: ReactNode;
  categories: string[];
  max: number;
  series: Series[];
  labelOf: (field: string, value: string) => string;
}) {
  const plotHeight = height - margin.top - margin.bottom;
  const plotWidth = width - margin.left - margin.right;
  const ticks = niceTicks(max);
  const top = ticks.at(-1) ?? max;
  const every = Math.max(1, Math.ceil(categories.length / 8));
  return (
    <figure data-testid={props.testId} className="cv-chart">
      {props.options?.title === undefined ? null : (
        <figcaption className="cv-chart__title">{props.options.title}</figcaption>
      )}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={props.options?.title ?? props.axes.y.label}
      >
        {ticks.map((tick) => {
          const y = margin.top + plotHeight - (tick / top) * plotHeight;
          return (
            <g key={tick}>
              <line x1={margin.left} x2={width - margin.right} y1={y} y2={y} className="cv-chart__grid" />
              <text x={margin.left - 6} y={y + 4} textAnchor="end" className="cv-chart__tick">
                {tick.toLocaleString()}
              </text>
            </g>
          );
        })}
        {categories.map((category, index) =>
          index % every === 0 ? (
            <text
              key={category}
              x={margin.left + ((index + 0.5) / categories.length) * plotWidth}
              y={height - margin.bottom + 16}
              textAnchor="middle"
              className="cv-chart__tick"
            >
              {labelOf(props.axes.x.field, category)}
            </text>
          ) : null,
        )}
        {props.axes.x.label === undefined ? null : (
          <text x={margin.left + plotWidth / 2} y={height - 4} textAnchor="middle" className="cv-chart__axis">
            {props.axes.x.label}
          </text>
        )}
        {children}
      </svg>
      {props.options?.showLegend === false || series.length < 2 ? null : (
        <div className="cv-chart__legend">
          {series.map((one) => (
            <span key={one.name} className="cv-chart__key">
              <span className="cv-chart__swatch" style={{ background: one.color }} />
              {labelOf(props.axes.options?.groupFieldByColor ?? '', one.name)}
            </span>
          ))}
        </div>
      )}
    </figure>
  );
}

export function BarChart(props: ChartProps) {
  const { categories, series, max, labelOf } = prepare(props);
  const plotHeight = height - margin.top - margin.bottom;
  const slot = (width - margin.left - margin.right) / Math.max(1, categories.length);
  const stacked = props.axes.options?.stacking === true;
  const top = niceTicks(max).at(-1) ?? max;
  const barWidth = stacked ? slot * 0.6 : (slot * 0.7) / Math.max(1, series.length);
  return (
    <Frame props={props} categories={categories} max={max} series={series} labelOf={labelOf}>
      {categories.map((category, index) => {
        let stackBase = 0;
        return series.map((one, seriesIndex) => {
          const value = one.points.get(category) ?? 0;
          const barHeight = (value / top) * plotHeight;
          const x = stacked
            ? margin.left + index * slot + slot * 0.2
            : margin.left + index * slot + slot * 0.15 + seriesIndex * barWidth;
          const y = margin.top + plotHeight - barHeight - (stacked ? (stackBase / top) * plotHeight : 0);
          if (stacked) stackBase += value;
          return (
            <rect
              key={`${category}:${one.name}`}
              x={x}
              y={y}
              width={barWidth}
              height={barHeight}
              rx={2}
              fill={one.color}
            >
              <title>{`${labelOf(props.axes.x.field, category)}: ${value.toLocaleString()}`}</title>
            </rect>
          );
        });
      })}
    </Frame>
  );
}

export function LineChart(props: ChartProps) {
  const { categories, series, max, labelOf } = prepare(props);
  const plotHeight = height - margin.top - margin.bottom;
  const slot = (width - margin.left - margin.right) / Math.max(1, categories.length);
  const top = niceTicks(max).at(-1) ?? max;
  const xOf = (index: number): number => margin.left + (index + 0.5) * slot;
  const yOf = (value: number): number => margin.top + plotHeight - (value / top) * plotHeight;
  return (
    <Frame props={props} categories={categories} max={max} series={series} labelOf={labelOf}>
      {series.map((one) => {
        const points = categories.flatMap((category, index) => {
          const value = one.points.get(category);
          return value === undefined ? [] : [{ x: xOf(index), y: yOf(value), value, category }];
        });
        return (
          <g key={one.name}>
            <polyline
              points={points.map((point) => `${point.x},${point.y}`).join(' ')}
              fill="none"
              stroke={one.color}
              strokeWidth={2}
            />
            {points.map((point) => (
              <circle key={point.category} cx={point.x} cy={point.y} r={3} fill={one.color}>
                <title>{`${labelOf(props.axes.x.field, point.category)}: ${point.value.toLocaleString()}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
    </Frame>
  );
}
