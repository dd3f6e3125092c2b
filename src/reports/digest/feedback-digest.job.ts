import type { Job } from '../../jobs/job.ts';
import { defaultHeartbeatMs, defaultLeaseTtlMs, withPortalLease } from '../../jobs/portal-lease.ts';
import { loadActionSettings } from '../../signals/signal-settings-store.ts';
import { listActivePortalIds } from '../../store/repositories/portals-repository.ts';
import type { TaskDeps } from '../../tasks/task-deps.ts';
import { loadReportSettings } from '../report-settings-store.ts';
import { buildFeedbackDigest } from './build-feedback-digest.ts';
import { deliverDigest } from './deliver-digest.ts';
import { lastCompleteMonth } from './digest-month.pure.ts';
import { findDigest } from '../../store/repositories/feedback-digests-repository.ts';

/**
 * Every day at 06:23 UTC: the first tick of a month (the 1st) builds last month's digest; the later ones
 * only catch up a month an outage missed or a delivery that failed, and otherwise find it done.
 */
export const defaultFeedbackDigestSchedule = '23 6 * * *';

export interface FeedbackDigestJobOptions {
  /** This instance (INSTANCE_ID): holds the digest lease and the task's claim. */
  instanceId: string;
  appId?: string | undefined;
  schedule?: string;
}

export type FeedbackDigestOutcome =
  { status: 'done'; month: string } | { status: 'built' | 'retried'; month: string; delivery: string };

const finalDeliveries = new Set(['task', 'note', 'not_routed', 'empty']);

/**
 * Builds last month's digest once and hands it to the product owner. A month already stored is not built
 * again (its content stays what was sent); only its delivery is retried while pending or failed.
 */
export async function runFeedbackDigest(
  deps: TaskDeps & { now: () => Date },
  portalId: number,
  options: Pick<FeedbackDigestJobOptions, 'appId'> = {},
): Promise<FeedbackDigestOutcome> {
  const month = lastCompleteMonth(deps.now().getTime());
  const existing = await findDigest(deps.db, portalId, month);
  if (existing !== undefined && finalDeliveries.has(existing.digest.delivery.status))
    return { status: 'done', month };
  const stored = existing ?? (await buildFeedbackDigest(deps, portalId, month, deps.now()));
  const [settings, actions] = await Promise.all([
    loadReportSettings(deps.db, deps.logger, portalId),
    loadActionSettings(deps.db, deps.logger, portalId),
  ]);
  const delivery = await deliverDigest(deps, stored, {
    settings,
    language: actions.signals.routing.taskLanguage,
    appId: options.appId,
  });
  return { status: existing === undefined ? 'built' : 'retried', month, delivery: delivery.status };
}

/**
 * The monthly digest job, under its own `digest` lease per portal, so two instances never build and send
 * one month side by side; the task's key (digest:<month>) and the stored row keep it once across runs.
 */
export function feedbackDigestJob(options: FeedbackDigestJobOptions): Job {
  return {
    name: 'feedback-digest',
    schedule: options.schedule ?? defaultFeedbackDigestSchedule,
    portals: (deps) => listActivePortalIds(deps.db),
    async run(deps, context) {
      const taskDeps = {
        db: deps.db,
        gateway: deps.gateway,
        logger: context.logger,
        instanceId: options.instanceId,
        now: deps.now,
      };
      const outcome = await withPortalLease(
        deps.db,
        {
          portalId: context.portalId,
          job: 'digest',
          owner: options.instanceId,
          ttlMs: defaultLeaseTtlMs,
          heartbeatMs: defaultHeartbeatMs,
          now: deps.now,
          logger: context.logger,
          signal: context.signal,
        },
        () => runFeedbackDigest(taskDeps, context.portalId, { appId: options.appId }),
      );
      if (!outcome.acquired) context.logger.debug('another instance holds the digest lease; skipped');
    },
  };
}
