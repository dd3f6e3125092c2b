import type { ReportBuilder } from '../report-kinds.ts';
import { loadRetentionStrategy } from './load-retention-strategy.ts';
import { renderStrategy } from './render-strategy.ts';

/** `harbor report strategy`: the retention plan per segment (docs/reports.md, "Retention strategy"). */
export const strategyReport: ReportBuilder = async (context, query) =>
  renderStrategy(await loadRetentionStrategy(context, query));
