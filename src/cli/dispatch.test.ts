import { describe, expect, it, vi } from 'vitest';

import { CliUsageError } from './cli-command.ts';
import { commandInfos, syncCommand } from './commands/index.ts';
import { executeCommand, resolveInvocation } from './dispatch.ts';

function capture() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    output: {
      stdout: { write: (text: string) => stdout.push(text) },
      stderr: { write: (text: string) => stderr.push(text) },
    },
    stdout: () => stdout.join(''),
    stderr: () => stderr.join(''),
  };
}

describe('harbor command line', () => {
  it('when no command is given, then Harbor serves', () => {
    expect(resolveInvocation([], commandInfos)).toEqual({ kind: 'run', name: 'serve', argv: [] });
  });

  it.each([['help'], ['--help'], ['-h']])(
    'when asked for %s, then every command is listed with its summary',
    (word) => {
      const invocation = resolveInvocation([word], commandInfos);
      expect(invocation).toMatchObject({ kind: 'print', to: 'stdout', exitCode: 0 });
      const text = invocation.kind === 'print' ? invocation.text : '';
      for (const command of commandInfos) expect(text).toContain(`  ${command.name}`);
      expect(text).toContain(syncCommand.summary);
    },
  );

  it("when asked for help on one command, then that command's help is printed", () => {
    expect(resolveInvocation(['help', 'sync'], commandInfos)).toMatchObject({
      kind: 'print',
      text: syncCommand.help,
      exitCode: 0,
    });
  });

  it('when the command is unknown, then the usage goes to stderr with exit code 2', () => {
    const invocation = resolveInvocation(['frobnicate'], commandInfos);
    expect(invocation).toMatchObject({ kind: 'print', to: 'stderr', exitCode: 2 });
    expect(invocation.kind === 'print' && invocation.text).toMatch(/^Unknown command "frobnicate"/);
  });

  it('when a command gets --help, then its help is printed and nothing is built', async () => {
    const io = capture();
    const prepare = vi.fn(() => Promise.resolve(1));
    expect(await executeCommand(syncCommand, ['--help'], io.output, prepare)).toBe(0);
    expect(io.stdout()).toContain('Usage: npm run harbor -- sync');
    expect(prepare).not.toHaveBeenCalled();
  });

  it.each([
    [['--portal', 'abc'], /--portal: /],
    [['--portal=-3'], /--portal: /],
    [['--full', '--reconcile'], /cannot be combined/],
    [['--fast'], /Unknown option '--fast'/],
    [['portal-1'], /Unexpected argument 'portal-1'/],
  ])('when sync gets %j, then it exits 2 naming the problem, with its help', async (argv, message) => {
    const io = capture();
    const prepare = vi.fn(() => Promise.resolve(1));
    expect(await executeCommand(syncCommand, argv, io.output, prepare)).toBe(2);
    expect(io.stderr()).toMatch(message);
    expect(io.stderr()).toContain('Usage: npm run harbor -- sync');
    expect(prepare).not.toHaveBeenCalled();
  });

  it('when sync gets valid flags, then they arrive typed', () => {
    expect(syncCommand.parse(['--portal', '42', '--full'])).toEqual({
      kind: 'run',
      args: { portal: 42, full: true, reconcile: false, verbose: false },
    });
    expect(() => syncCommand.parse(['--portal'])).toThrow(CliUsageError);
  });
});
