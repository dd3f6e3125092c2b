import type { NpsReportWire } from '@harbor/wire';
import type { Kysely } from 'kysely';

import type { Logger } from '../../shared/logger.ts';
import { loadSignalSettings } from '../../signals/signal-settings-store.ts';
import type { Database } from '../../store/database-schema.ts';
import type { ReportQuery } from '../report-kinds.ts';
import { loadReportSettings } from '../report-settings-store.ts';
import { detractorLoop, type FollowUpRun } from './detractor-loop.pure.ts';
import { loadSurveyDue } from './load-survey-due.ts';
import {
  loadAnswerRows,
  loadCompanyNameMap,
  loadFollowUpRuns,
} from '../../store/repositories/nps-repository.ts';
import { npsRows } from './nps-rows.pure.ts';
import { periodDays, reportPeriodsBetween } from './report-periods.pure.ts';
import { toSurveyAnswer } from './survey-rows.pure.ts';

export interface NpsReportContext {
  db: Kysely<Database>;
  logger: Logger;
  portalId: number;
  now: Date;
}

/**
 * The NPS programme of one portal (docs/reports.md, "NPS programme"): metrics per segment and period, the
 * customers due a survey as of `now`, and the detractor loop over the report's window.
 */
export async function buildNpsReport(context: NpsReportContext, query: ReportQuery): Promise<NpsReportWire> {
  const { db, logger, portalId } = context;
  const now = context.now.getTime();
  const scope = { ownerId: query.ownerId };
  const [settings, signalSettings, answerRows] = await Promise.all([
    loadReportSettings(db, logger, portalId),
    loadSignalSettings(db, logger, portalId),
    loadAnswerRows(db, portalId, scope),
  ]);
  const periods = reportPeriodsBetween(query.period, now, query.from, query.to);
  const first = periods[0];
  const last = periods.at(-1);
  if (first === undefined || last === undefined) throw new Error('a report has at least one period');

  const answers = answerRows.flatMap((row) => {
    const answer = toSurveyAnswer(row);
    return answer === null || answer.submittedAt > now ? [] : [answer];
  });
  const inSegment = answers.filter(
    (answer) => query.segment === undefined || answer.segment === query.segment,
  );
  const { due } = await loadSurveyDue(db, portalId, {
    ...scope,
    segment: query.segment,
    cadence: settings.survey.cadence,
    now,
  });
  const segments = [
    ...answers.map((answer) => answer.segment),
    ...due.companies.map((company) => company.segment),
  ];

  const detractors = inSegment.filter(
    (answer) =>
      answer.kind === 'NPS' &&
      answer.value <= 6 &&
      answer.submittedAt >= first.start &&
      answer.submittedAt < last.end,
  );
  const [names, runRows] = await Promise.all([
    loadCompanyNameMap(
      db,
      portalId,
      detractors.map((answer) => answer.companyId),
    ),
    loadFollowUpRuns(db, portalId, new Date(first.start)),
  ]);
  const runs: FollowUpRun[] = runRows.map((row) => ({
    companyId: row.company_id,
    startedAt: row.started_at.getTime(),
    firstTask:
      row.has_task && row.due_at !== null
        ? { dueAt: row.due_at.getTime(), completedAt: row.completed_at?.getTime() ?? null }
        : null,
  }));

  return {
    portalId,
    period: query.period,
    from: periodDays(first).startDay,
    to: periodDays(last).endDay,
    generatedAt: context.now.toISOString(),
    minimumResponses: settings.survey.minimumResponses,
    rows: npsRows({
      answers: inSegment,
      periods,
      segments,
      only: query.segment,
      minimumResponses: settings.survey.minimumResponses,
      now,
    }),
    surveyDue: due,
    detractorLoop: detractorLoop(
      detractors.map((answer) => ({
        id: answer.id,
        companyId: answer.companyId,
        companyName: names.get(answer.companyId) ?? null,
        value: answer.value,
        submittedAt: answer.submittedAt,
      })),
      runs,
      signalSettings.defaults.detractor.withinDays,
    ),
  };
}
