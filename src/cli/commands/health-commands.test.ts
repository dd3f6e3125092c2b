import { describe, expect, it, vi } from 'vitest';

import { createCapturingLogger } from '../../../test/support/capturing-logger.ts';
import type { BacktestReport } from '../../health/backtest/run-backtest.ts';
import type { RescoreSummary } from '../../health/scoring/rescore-portal.ts';
import { AppError } from '../../shared/errors/app-error.ts';
import type { CalibrationProposal } from '../../store/repositories/health-calibration-repository.ts';
import type { CliCommand } from '../cli-command.ts';
import { executeCommand } from '../dispatch.ts';
import { backtestCommand, type BacktestCommandDeps } from './backtest.command.ts';
import { proposalsCommand, type ProposalsCommandDeps } from './proposals.command.ts';
import { scoreCommand, type ScoreCommandDeps, type WriteBackCounts } from './score.command.ts';

interface Output {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** Runs `harbor <command> <argv>` as main.ts does (executeCommand), with the deps `build` makes. */
async function harbor<Args, Deps extends Output>(
  command: CliCommand<Args, Deps>,
  argv: readonly string[],
  build: (io: Output) => Deps,
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Output = {
    out: { write: (text: string) => stdout.push(text) },
    err: { write: (text: string) => stderr.push(text) },
  };
  const prepare = vi.fn(() => Promise.resolve({ deps: build(io), close: () => Promise.resolve() }));
  const code = await executeCommand(command, argv, { stdout: io.out, stderr: io.err }, prepare);
  return { code, stdout: stdout.join(''), stderr: stderr.join(''), prepared: prepare.mock.calls.length };
}

function summary(portalId: number, writeBack: WriteBackCounts | undefined): RescoreSummary<WriteBackCounts> {
  return {
    portalId,
    modelVersion: 3,
    scope: 'full',
    scopeReason: 'asked for',
    companies: 1_200,
    unscored: 12,
    tiers: { healthy: 700, watch: 311, at_risk: 177 },
    tierChanges: 9,
    removed: 2,
    seconds: 4.26,
    writeBack,
  };
}

const noStack = /\n\s+at |Error:/;

describe('harbor score', () => {
  const deps =
    (rescore: ScoreCommandDeps['rescore'], portals = [11, 22]) =>
    (io: Output): ScoreCommandDeps => ({
      logger: createCapturingLogger().logger,
      listActivePortals: () => Promise.resolve(portals),
      rescore,
      ...io,
    });
  const scored: ScoreCommandDeps['rescore'] = (portalId, options) => {
    options.onProgress(600);
    return Promise.resolve(
      summary(portalId, options.writeBack ? { changed: 40, written: 38, failed: 2, calls: 3 } : undefined),
    );
  };

  it('when asked for help, then the usage names every option and nothing is built', async () => {
    const run = await harbor(scoreCommand, ['--help'], deps(scored));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Usage: npm run harbor -- score \[--portal <id>\] \[--no-write-back\] \[--json\]/,
    );
    expect(run.stdout).toContain('--no-write-back');
    expect(run.prepared).toBe(0);
  });

  it('when every portal is rescored, then a table shows the tier counts, changes and write-back per portal; exit 0', async () => {
    const rescore = vi.fn(scored);
    const run = await harbor(scoreCommand, [], deps(rescore));

    expect(run.code).toBe(0);
    expect(rescore.mock.calls.map(([portalId, options]) => [portalId, options.writeBack])).toEqual([
      [11, true],
      [22, true],
    ]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^portal\s+model\s+companies\s+healthy\s+watch\s+at risk\s+no data\s+tier changes\s+written\s+time$/,
    );
    expect(lines[1]).toMatch(/^11\s+v3\s+1200\s+700\s+311\s+177\s+12\s+9\s+38\/40\s+4\.3 s$/);
    expect(lines[2]).toMatch(/^22\s+v3\s+1200\s+700/);
    expect(run.stderr).toContain('portal 11: 600 companies scored');
  });

  it('when --no-write-back is given, then nothing is written to HubSpot and the table says so', async () => {
    const rescore = vi.fn(scored);
    const run = await harbor(scoreCommand, ['--portal', '22', '--no-write-back'], deps(rescore));

    expect(run.code).toBe(0);
    expect(rescore).toHaveBeenCalledTimes(1);
    expect(rescore.mock.calls[0]?.[1].writeBack).toBe(false);
    expect(run.stdout.split('\n')[1]).toMatch(/^22\s.*\soff\s+4\.3 s$/);
  });

  it('when --json is given, then stdout is one parseable summary per portal and no table', async () => {
    const run = await harbor(scoreCommand, ['--json'], deps(scored));

    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const parsed = lines.map((line) => JSON.parse(line) as RescoreSummary<WriteBackCounts>);
    expect(parsed.map((line) => line.portalId)).toEqual([11, 22]);
    expect(parsed[0]).toEqual(summary(11, { changed: 40, written: 38, failed: 2, calls: 3 }));
    expect(run.stdout).not.toContain('tier changes');
  });

  it('when the portal is not installed, then the reason is printed and the exit code is 1', async () => {
    const rescore = vi.fn(scored);
    const run = await harbor(scoreCommand, ['--portal', '99'], deps(rescore));

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Portal 99 is not installed (or was uninstalled). Active: 11, 22.\n');
    expect(run.stdout).toBe('');
    expect(rescore).not.toHaveBeenCalled();
  });

  it('when no portal is installed, then the command says how to install one; exit 1', async () => {
    const run = await harbor(scoreCommand, [], deps(scored, []));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^No portal is installed yet/);
  });

  it('when one portal fails, then the others are still scored, the failure is one CODE: message line without a stack, and the exit code is 1', async () => {
    const rescore: ScoreCommandDeps['rescore'] = (portalId, options) =>
      portalId === 11
        ? Promise.reject(new AppError('HUBSPOT_UNAUTHORIZED', 'HubSpot rejected the token of portal 11'))
        : scored(portalId, options);
    const run = await harbor(scoreCommand, [], deps(rescore));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'portal 11: HUBSPOT_UNAUTHORIZED: HubSpot rejected the token of portal 11\n',
    );
    expect(run.stderr).not.toMatch(noStack);
    const rows = run.stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^22\s/);
  });

  it('when a portal fails on a bug, then stderr says INTERNAL without its message or stack, and the log has it all', async () => {
    const { logger, lines } = createCapturingLogger();
    const rescore: ScoreCommandDeps['rescore'] = () =>
      Promise.reject(new TypeError('Cannot read properties of undefined (secret-ish detail)'));
    const run = await harbor(scoreCommand, ['--portal', '11'], (io) => ({
      ...deps(rescore)(io),
      logger,
    }));

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('portal 11: INTERNAL: Internal error\n');
    expect(lines().some((line) => line.includes('secret-ish detail') && line.includes('"portalId":11'))).toBe(
      true,
    );
  });

  it.each([
    [['--portal', 'abc'], /--portal: /],
    [['--writeback'], /Unknown option '--writeback'/],
  ])('when score gets %j, then it exits 2 naming the problem, with its help', async (argv, message) => {
    const run = await harbor(scoreCommand, argv, deps(scored));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: npm run harbor -- score');
    expect(run.prepared).toBe(0);
  });
});

function report(portalId: number, cases = 180): BacktestReport {
  const segment = (name: string, accounts: number) => ({
    segment: name,
    accounts,
    churned: Math.round(accounts / 6),
    unscored: 1,
    auc: 0.7345,
    topDecileLift: 2.456,
    brier: 0.11234,
    falseGreenRate: 0.125,
  });
  return {
    portalId,
    modelVersion: 2,
    leadDays: 75,
    outcomes: cases + 10,
    cases,
    withoutHistory: 4,
    historyCalls: 2,
    card: { overall: segment('overall', cases), segments: [segment('SMB', 120), segment('MID_MARKET', 60)] },
  };
}

describe('harbor backtest', () => {
  const deps =
    (backtest: BacktestCommandDeps['backtest']) =>
    (io: Output): BacktestCommandDeps => ({
      logger: createCapturingLogger().logger,
      listActivePortals: () => Promise.resolve([11, 22]),
      backtest,
      ...io,
    });

  it('when asked for help, then the metrics are explained', async () => {
    const run = await harbor(
      backtestCommand,
      ['-h'],
      deps(() => Promise.resolve(report(11))),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run harbor -- backtest/);
    for (const metric of ['AUC', 'top-decile lift', 'Brier', 'false green'])
      expect(run.stdout).toContain(metric);
  });

  it('when a portal is backtested, then the report card shows AUC, lift, Brier and false green per segment', async () => {
    const run = await harbor(
      backtestCommand,
      ['--portal', '11'],
      deps((portalId) => Promise.resolve(report(portalId))),
    );

    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      'Portal 11, model v2: 180 past outcomes scored 75 days before they happened (4 without property history)',
    );
    expect(lines[1]).toMatch(
      /^segment\s+accounts\s+churned\s+AUC\s+top-decile lift\s+Brier\s+false green\s+no score$/,
    );
    expect(lines[2]).toMatch(/^overall\s+180\s+30\s+0\.735\s+2\.46\s+0\.1123\s+12\.5%\s+1$/);
    expect(lines[3]).toMatch(/^SMB\s+120\s+20\s+0\.735/);
    expect(lines[4]).toMatch(/^MID_MARKET\s+60\s+10\s/);
  });

  it('when a portal has no past outcomes, then the command says what to map', async () => {
    const run = await harbor(
      backtestCommand,
      ['--portal', '11'],
      deps(() => Promise.resolve(report(11, 0))),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No past outcomes found: map a churn flag or date property');
  });

  it('when --json is given, then each portal is one parseable line holding the whole report', async () => {
    const run = await harbor(
      backtestCommand,
      ['--json'],
      deps((portalId) => Promise.resolve(report(portalId))),
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as BacktestReport)).toEqual([report(11), report(22)]);
  });

  it('when one portal fails, then the other is still reported and the failure is CODE: message; exit 1', async () => {
    const run = await harbor(
      backtestCommand,
      [],
      deps((portalId) =>
        portalId === 22
          ? Promise.reject(
              new AppError('HUBSPOT_RATE_LIMITED', 'HubSpot rate limit reached; try again later'),
            )
          : Promise.resolve(report(portalId)),
      ),
    );

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Portal 11, model v2/);
    expect(run.stderr).toBe('portal 22: HUBSPOT_RATE_LIMITED: HubSpot rate limit reached; try again later\n');
    expect(run.stderr).not.toMatch(noStack);
  });

  it('when the portal is not installed, then the reason is printed and the exit code is 1', async () => {
    const backtest = vi.fn(() => Promise.resolve(report(11)));
    const run = await harbor(backtestCommand, ['--portal', '5'], deps(backtest));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Portal 5 is not installed/);
    expect(backtest).not.toHaveBeenCalled();
  });
});

function proposal(overrides: Partial<CalibrationProposal> = {}): CalibrationProposal {
  return {
    id: 7,
    portalId: 11,
    createdAt: new Date('2026-11-20T08:30:00Z'),
    createdBy: 'cli:ana',
    baseModelVersion: 2,
    model: {},
    report: { current: { overall: { auc: 0.612 } }, proposed: { overall: { auc: 0.6789 } } },
    status: 'proposed',
    decidedBy: null,
    decidedAt: null,
    ...overrides,
  };
}

describe('harbor proposals', () => {
  function fakes(overrides: Partial<ProposalsCommandDeps> = {}) {
    const apply = vi.fn((_portalId: number, _id: number, _actor: string) => Promise.resolve({ version: 4 }));
    const dismiss = vi.fn((_portalId: number, _id: number, _actor: string) => Promise.resolve());
    const build = (io: Output): ProposalsCommandDeps => ({
      logger: createCapturingLogger().logger,
      listActivePortals: () => Promise.resolve([11, 22]),
      list: (portalId) =>
        Promise.resolve(
          portalId === 11
            ? [
                proposal(),
                proposal({ id: 5, status: 'dismissed', decidedBy: 'cli:bo', report: 'unreadable' }),
              ]
            : [],
        ),
      apply,
      dismiss,
      defaultActor: 'cli:tester',
      ...io,
      ...overrides,
    });
    return { apply, dismiss, build };
  }

  it('when asked for help, then the three forms are shown', async () => {
    const run = await harbor(proposalsCommand, ['--help'], fakes().build);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('npm run harbor -- proposals --portal <id> --apply <proposal>');
    expect(run.stdout).toContain('--dismiss <proposal>');
  });

  it('when proposals are listed, then a table shows each with its AUC now and proposed and its status', async () => {
    const run = await harbor(proposalsCommand, [], fakes().build);

    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^portal\s+proposal\s+created\s+by\s+base model\s+held-out AUC now → proposed\s+status$/,
    );
    expect(lines[1]).toMatch(/^11\s+7\s+2026-11-20 08:30\s+cli:ana\s+v2\s+0\.612 → 0\.679\s+proposed$/);
    expect(lines[2]).toMatch(/^11\s+5\s.*\s-\s+dismissed by cli:bo$/);
    expect(lines).toHaveLength(3);
  });

  it('when --json is given, then each proposal is one parseable line', async () => {
    const run = await harbor(proposalsCommand, ['--json'], fakes().build);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { id: number }).id)).toEqual([7, 5]);
  });

  it('when there are none, then the command says how to make one', async () => {
    const run = await harbor(proposalsCommand, ['--portal', '22'], fakes().build);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'No calibration proposals yet: run `npm run harbor -- calibrate --portal <id>`.',
    );
  });

  it('when an admin applies one, then it is applied as them and the new model version is printed', async () => {
    const { apply, build } = fakes();
    const run = await harbor(
      proposalsCommand,
      ['--portal', '11', '--apply', '7', '--by', 'ana@example.com'],
      build,
    );

    expect(run.code).toBe(0);
    expect(apply).toHaveBeenCalledWith(11, 7, 'ana@example.com');
    expect(run.stdout).toBe(
      'Proposal 7 applied by ana@example.com: portal 11 now scores with model v4.\n' +
        'Scores move to it at the next sync, or now with: npm run harbor -- score --portal 11\n',
    );
  });

  it('when one is dismissed without --by, then the operating-system user is the actor', async () => {
    const { dismiss, build } = fakes();
    const run = await harbor(proposalsCommand, ['--portal', '11', '--dismiss', '7'], build);
    expect(run.code).toBe(0);
    expect(dismiss).toHaveBeenCalledWith(11, 7, 'cli:tester');
    expect(run.stdout).toBe('Proposal 7 dismissed by cli:tester.\n');
  });

  it('when applying is refused, then the reason is one CODE: message line without a stack; exit 1', async () => {
    const { build } = fakes({
      apply: () =>
        Promise.reject(
          new AppError(
            'CONFLICT',
            'proposal 7 was fitted on model v2, but v3 is now in use; calibrate again',
          ),
        ),
    });
    const run = await harbor(proposalsCommand, ['--portal', '11', '--apply', '7'], build);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'CONFLICT: proposal 7 was fitted on model v2, but v3 is now in use; calibrate again\n',
    );
    expect(run.stdout).toBe('');
  });

  it.each([
    [['--apply', '7'], /--apply and --dismiss need --portal/],
    [['--dismiss', '7'], /--apply and --dismiss need --portal/],
    [['--portal', '11', '--apply', '7', '--dismiss', '8'], /cannot be combined/],
    [['--portal', '11', '--apply', 'latest'], /--apply: /],
  ])(
    'when proposals gets %j, then it is a usage error: exit 2 with the help, and nothing is built',
    async (argv, message) => {
      const { apply, dismiss, build } = fakes();
      const run = await harbor(proposalsCommand, argv, build);

      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('Usage: npm run harbor -- proposals');
      expect(run.prepared).toBe(0);
      expect(apply).not.toHaveBeenCalled();
      expect(dismiss).not.toHaveBeenCalled();
    },
  );

  it('when the portal is not installed, then nothing is decided and the exit code is 1', async () => {
    const { apply, build } = fakes();
    const run = await harbor(proposalsCommand, ['--portal', '99', '--apply', '7'], build);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Portal 99 is not installed/);
    expect(apply).not.toHaveBeenCalled();
  });
});
