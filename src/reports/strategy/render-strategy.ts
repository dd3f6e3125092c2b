import type { RetentionStrategyWire, StrategySegmentWire } from '@harbor/wire';

import { renderTable } from '../../cli/terminal/text-table.ts';
import type { RenderedReport } from '../report-kinds.ts';
import {
  actionWords,
  attentionWords,
  amount,
  metricNames,
  offWordsFor,
  nowWords,
  periodLabel,
  periodName,
  statusWordsFor,
  stepWords,
  targetWords,
  thresholdWords,
  triggerNames,
  trendWord,
} from './strategy-words.ts';

function segmentTitle(segment: string): string {
  return segment === 'all' ? 'All customers' : segment;
}

function standing(strategy: RetentionStrategyWire, segment: StrategySegmentWire): string {
  if (strategy.lastComplete === null) return 'No complete period yet.';
  const label = periodLabel(strategy.lastComplete.periodStart, strategy.period);
  return `${amount(segment.customersStart)} customers and ${amount(segment.startingRevenue)} of recurring revenue (ARR) at the start of ${label}.`;
}

function intro(strategy: RetentionStrategyWire): string {
  const name = periodName(strategy.period);
  if (strategy.lastComplete === null)
    return `No ${name} is complete yet, so there are no figures to hold against the targets.`;
  const label = periodLabel(strategy.lastComplete.periodStart, strategy.period);
  return `"Now" is the last complete ${name}, ${label} (${strategy.lastComplete.periodStart} to ${strategy.lastComplete.periodEnd}). Trends read the last four complete ${name}s: better or worse by each metric's direction, flat within half a percentage point.`;
}

function metricRows(segment: StrategySegmentWire): string[][] {
  return segment.metrics.map((metric) => [
    metricNames[metric.metric],
    targetWords(metric),
    nowWords(metric),
    statusWordsFor(metric),
    trendWord(metric.trend),
  ]);
}

const metricHead = ['Metric', 'Target', 'Now', 'Status', 'Trend'];

function markdownCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function markdownSegment(strategy: RetentionStrategyWire, segment: StrategySegmentWire): string[] {
  const lines = [`## ${segmentTitle(segment.segment)}`, '', standing(strategy, segment), ''];
  const attention = attentionWords(segment.metrics);
  if (segment.metrics.some((metric) => metric.now !== null))
    lines.push(
      attention === null
        ? 'Every target set is met, and no metric is getting worse.'
        : `Needs attention: ${attention}`,
      '',
    );
  lines.push(`| ${metricHead.join(' | ')} |`, `| ${metricHead.map(() => '---').join(' | ')} |`);
  for (const row of metricRows(segment)) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  lines.push('', '### What Harbor does by itself', '');
  if (segment.triggers.length === 0) lines.push('No automation acts in this segment.');
  for (const trigger of segment.triggers) {
    lines.push(
      `- **${triggerNames[trigger.trigger]}**: when ${thresholdWords(trigger.thresholds)}, Harbor ${actionWords(trigger)}.`,
    );
    if (trigger.playbook?.enabled === true)
      trigger.playbook.steps.forEach((step, index) => {
        lines.push(`  ${String(index + 1)}. ${stepWords(step)}`);
      });
  }
  if (segment.triggersOff.length > 0) {
    lines.push('', 'Not acting here:', '');
    for (const off of segment.triggersOff)
      lines.push(`- ${triggerNames[off.trigger]}: ${offWordsFor(off.reason)}.`);
  }
  lines.push('');
  return lines;
}

function markdown(strategy: RetentionStrategyWire): string {
  const lines = [`# Retention strategy, portal ${String(strategy.portalId)}`, '', intro(strategy), ''];
  for (const segment of strategy.segments) lines.push(...markdownSegment(strategy, segment));
  return lines.join('\n');
}

function table(strategy: RetentionStrategyWire): string {
  const blocks = [intro(strategy)];
  for (const segment of strategy.segments) {
    const attention = attentionWords(segment.metrics);
    const lines = [`${segmentTitle(segment.segment)}: ${standing(strategy, segment)}`];
    if (attention !== null) lines.push(`Needs attention: ${attention}`);
    lines.push(renderTable(metricHead, metricRows(segment)));
    for (const trigger of segment.triggers)
      lines.push(
        `  ${triggerNames[trigger.trigger]}: when ${thresholdWords(trigger.thresholds)}, Harbor ${actionWords(trigger)}.`,
      );
    for (const off of segment.triggersOff)
      lines.push(`  ${triggerNames[off.trigger]}: not acting, ${offWordsFor(off.reason)}.`);
    blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One CSV for the whole plan: a `metric` row per segment and metric (fractions, as the JSON holds them),
 * then a `trigger` row per automation that acts and a `trigger_off` row per one that does not, the words
 * in `detail`.
 */
function csv(strategy: RetentionStrategyWire): string {
  const head = ['segment', 'kind', 'item', 'target', 'now', 'status', 'trend', 'detail'];
  const rows: string[][] = [];
  for (const segment of strategy.segments) {
    for (const metric of segment.metrics)
      rows.push([
        segment.segment,
        'metric',
        metric.metric,
        metric.target === null ? '' : String(metric.target),
        metric.now === null ? '' : String(metric.now),
        metric.status,
        metric.trend ?? '',
        metric.targetFrom === 'all' ? 'whole-book target' : '',
      ]);
    for (const trigger of segment.triggers)
      rows.push([
        segment.segment,
        'trigger',
        trigger.trigger,
        '',
        '',
        'on',
        '',
        `when ${thresholdWords(trigger.thresholds)}, Harbor ${actionWords(trigger)}`,
      ]);
    for (const off of segment.triggersOff)
      rows.push([segment.segment, 'trigger_off', off.trigger, '', '', 'off', '', offWordsFor(off.reason)]);
  }
  return `${[head, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

/** The strategy in every format `harbor report strategy` prints. */
export function renderStrategy(strategy: RetentionStrategyWire): RenderedReport {
  return { json: strategy, table: table(strategy), csv: csv(strategy), md: markdown(strategy) };
}
