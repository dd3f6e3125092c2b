import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../shared/errors/app-error.ts';
import type { DatabaseHandle } from '../store/open-database.ts';
import {
  listSignalEvents,
  listSignals,
  updateSignal,
  type SignalRecord,
} from '../store/repositories/signals-repository.ts';
import { createCapturingLogger } from '../../test/support/capturing-logger.ts';
import { testDatabaseTargets } from '../../test/support/test-databases.ts';
import { createSignalService, type CompanyFirings, type SignalService } from './signal-service.ts';
import type { SignalFiring } from './signal-types.ts';

const DAY = 86_400_000;
const portalId = 9_100_001;
const otherPortal = 9_100_002;
const t0 = Date.UTC(2026, 11, 1, 9);

const lateInvoice = (days: number): SignalFiring => ({
  type: 'late_payment',
  severity: days >= 30 ? 'critical' : 'high',
  evidence: [{ key: 'days_past_due', value: days }],
});

describe.each(testDatabaseTargets())('the signal service on $name', (target) => {
  let handle: DatabaseHandle;
  let clock = t0;
  /** What the rules fire, per portal and company, as the test sets it. */
  const firing = new Map<string, SignalFiring[]>();
  const escalations: SignalRecord[] = [];
  let service: SignalService;

  beforeAll(async () => {
    handle = await target.open();
    service = createSignalService({
      db: handle.db,
      logger: createCapturingLogger().logger,
      now: () => new Date(clock),
      fire: (portal, companyIds) =>
        Promise.resolve(
          companyIds.map((companyId): CompanyFirings => ({
            companyId,
            ownerId: '77',
            firings: firing.get(`${portal}:${companyId}`) ?? [],
          })),
        ),
      dueDays: () => Promise.resolve({ low: 20, medium: 10, high: 5, critical: 2 }),
      onEscalated: (_portal, signal) => {
        escalations.push(signal);
        return Promise.resolve();
      },
    });
  });
  afterAll(async () => {
    await handle.close();
  });

  const active = (portal: number, companyId: string) =>
    listSignals(handle.db, portal, { companyId, limit: 50 });

  it('when a rule fires for a company on two evaluations, then one signal is open with the newest evidence', async () => {
    firing.set(`${portalId}:1`, [lateInvoice(20)]);
    expect(await service.evaluate(portalId, ['1', '2'])).toMatchObject({ companies: 2, opened: 1 });
    clock += DAY;
    firing.set(`${portalId}:1`, [lateInvoice(21)]);
    await service.evaluate(portalId, ['1']);

    const signals = await active(portalId, '1');
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      type: 'late_payment',
      status: 'open',
      ownerId: '77',
      evidence: [{ key: 'days_past_due', value: 21 }],
      dueAt: t0 + 5 * DAY,
    });
    expect((await listSignalEvents(handle.db, portalId, signals[0]!.id)).map((event) => event.kind)).toEqual([
      'opened',
      'refreshed',
    ]);
    expect(await active(portalId, '2')).toEqual([]);
  });

  it('when another portal asks for that signal by id, then it does not exist there', async () => {
    const [signal] = await active(portalId, '1');
    const refused = await service
      .command(otherPortal, signal!.id, { kind: 'acknowledge' }, '7001')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('NOT_FOUND');
    expect((await active(portalId, '1'))[0]?.status).toBe('open');
  });

  it('when nobody acts by the due date, then the risk escalates once and the CS lead is told', async () => {
    clock = t0 + 5 * DAY + 1;
    await service.evaluate(portalId, ['1']);
    await service.escalateOverdue(portalId);
    expect(escalations.map((signal) => signal.type)).toEqual(['late_payment']);
    expect((await active(portalId, '1'))[0]?.escalatedAt).toBe(clock);
  });

  it('when the invoice is paid, then the signal waits as recovered; dismissing it without a reason is refused', async () => {
    clock += DAY;
    firing.delete(`${portalId}:1`);
    await service.evaluate(portalId, ['1']);
    const [signal] = await active(portalId, '1');
    expect(signal?.status).toBe('recovered');

    const refused = await service
      .command(portalId, signal!.id, { kind: 'dismiss', reason: '' }, '7001')
      .catch((error: unknown) => error);
    expect((refused as AppError).code).toBe('VALIDATION_FAILED');
    const confirmed = await service.command(portalId, signal!.id, { kind: 'confirm_recovery' }, '7001');
    expect(confirmed).toMatchObject({ status: 'resolved', closeReason: 'recovered' });
    expect(await active(portalId, '1')).toEqual([]);
    const history = await listSignalEvents(handle.db, portalId, signal!.id);
    expect(history.at(-1)).toMatchObject({ kind: 'recovery_confirmed', actor: '7001', to: 'resolved' });
  });

  it('when the invoice is late again after the signal closed, then a new signal opens with its own history', async () => {
    clock += DAY;
    firing.set(`${portalId}:1`, [lateInvoice(35)]);
    await service.evaluate(portalId, ['1']);
    const all = await listSignals(handle.db, portalId, { companyId: '1', activeOnly: false, limit: 50 });
    expect(all.map((signal) => [signal.status, signal.severity])).toEqual([
      ['open', 'critical'],
      ['resolved', 'high'],
    ]);
  });

  it('when a person dismissed a signal after an evaluation read it, then the evaluation cannot write over it', async () => {
    const [read] = await active(portalId, '1');
    clock += 1;
    await service.command(
      portalId,
      read!.id,
      { kind: 'dismiss', reason: 'Paid by wire: finance confirmed' },
      '7001',
    );
    // The evaluation's write carries the version it read, which is no longer the signal's.
    const wrote = await updateSignal(
      handle.db,
      portalId,
      read!.id,
      { ...read!, evidence: [{ key: 'days_past_due', value: 36 }] },
      new Date(clock),
      read!.updatedAt,
    );
    expect(wrote).toBe(false);
    const after = await listSignals(handle.db, portalId, { companyId: '1', activeOnly: false, limit: 50 });
    expect(after.find((row) => row.id === read!.id)).toMatchObject({
      status: 'dismissed',
      closeReason: 'Paid by wire: finance confirmed',
    });
  });
});
