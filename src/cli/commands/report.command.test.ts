import { describe, expect, it } from 'vitest';

import { createMemoryLogger } from '../../hubspot/testing/test-kit.ts';
import type { ReportKind, ReportQuery } from '../../reports/report-kinds.ts';
import { CliUsageError } from '../cli-command.ts';
import { reportCommand, type ReportCommandDeps } from './report.command.ts';

function deps(active: number[]) {
  let out = '';
  let err = '';
  const asked: [ReportKind, number, ReportQuery][] = [];
  const commandDeps: ReportCommandDeps = {
    logger: createMemoryLogger().logger,
    listActivePortals: () => Promise.resolve(active),
    build: (kind, portalId, query) => {
      asked.push([kind, portalId, query]);
      if (portalId === 666) return Promise.reject(new Error('the store is gone'));
      return Promise.resolve({
        json: { portalId, kind },
        table: `table ${portalId}\n`,
        csv: 'a,b\n',
        md: '# md\n',
      });
    },
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
  };
  return { commandDeps, asked, out: () => out, err: () => err };
}

function run(argv: string[]) {
  const parsed = reportCommand.parse(argv);
  if (parsed.kind !== 'run') throw new Error('expected a run');
  return parsed.args;
}

describe('harbor report', () => {
  it.each([
    [[], /say which report: retention, nps, cohorts, digest, strategy \(got nothing\)/],
    [['churn'], /say which report.*\(got churn\)/],
    [['retention', '--period', 'week'], /--period/],
    [['retention', '--from', '2026-13-01'], /--from: a real calendar date/],
    [['retention', '--from', '2026-06-01', '--to', '2026-01-01'], /--from must not be after --to/],
    [['nps', '--owner', 'ana'], /--owner: a HubSpot owner id/],
    [['digest', '--format', 'pdf'], /--format/],
  ])('when given %j, then it is refused with the reason', (argv, message) => {
    expect(() => reportCommand.parse(argv)).toThrow(CliUsageError);
    expect(() => reportCommand.parse(argv)).toThrow(message);
  });

  it('when given no period or format, then a quarterly table is asked for with the filters passed through', async () => {
    const kit = deps([9000001]);
    const args = run(['cohorts', '--segment', 'SMB', '--owner', '501', '--from', '2025-01-01']);
    expect(await reportCommand.run(args, kit.commandDeps)).toBe(0);
    expect(kit.asked).toEqual([
      [
        'cohorts',
        9000001,
        { segment: 'SMB', period: 'quarter', from: '2025-01-01', to: undefined, ownerId: '501' },
      ],
    ]);
    expect(kit.out()).toBe('table 9000001\n');
  });

  it('when two portals are asked for json, then each prints one line and a failing one is named on stderr', async () => {
    const kit = deps([9000001, 666]);
    expect(await reportCommand.run(run(['retention', '--format', 'json']), kit.commandDeps)).toBe(1);
    expect(kit.out()).toBe('{"portalId":9000001,"kind":"retention"}\n');
    expect(kit.err()).toMatch(/^portal 666: /);
  });

  it('when the portal asked for is not installed, then it says which are and exits 1', async () => {
    const kit = deps([9000001]);
    expect(await reportCommand.run(run(['nps', '--portal', '42']), kit.commandDeps)).toBe(1);
    expect(kit.err()).toContain('Portal 42 is not installed');
    expect(kit.asked).toEqual([]);
  });
});
