import { CliUsageError, type CliCommand, type CommandInfo } from './cli-command.ts';
import { renderUsage } from './command-help.ts';

export interface CliOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** What argv asks for: text to print (help, unknown command) or a command to run with its own argv. */
export type Invocation =
  | { kind: 'print'; text: string; to: 'stdout' | 'stderr'; exitCode: number }
  | { kind: 'run'; name: string; argv: readonly string[] };

const helpWords = new Set(['help', '--help', '-h']);

export function resolveInvocation(argv: readonly string[], commands: readonly CommandInfo[]): Invocation {
  const [name = 'serve', ...rest] = argv;
  if (helpWords.has(name)) {
    const topic = rest[0];
    const command = commands.find((candidate) => candidate.name === topic);
    if (topic !== undefined && command === undefined) {
      return {
        kind: 'print',
        text: `Unknown command "${topic}".\n\n${renderUsage(commands)}`,
        to: 'stderr',
        exitCode: 2,
      };
    }
    return { kind: 'print', text: command?.help ?? renderUsage(commands), to: 'stdout', exitCode: 0 };
  }
  if (!commands.some((command) => command.name === name)) {
    return {
      kind: 'print',
      text: `Unknown command "${name}".\n\n${renderUsage(commands)}`,
      to: 'stderr',
      exitCode: 2,
    };
  }
  return { kind: 'run', name, argv: rest };
}

/** What main.ts hands a command: its deps, and how to release them once it returns. */
export interface Prepared<Deps> {
  deps: Deps;
  close(): Promise<void>;
}

/**
 * Parses the command's argv (help and usage errors answered before anything is built), then lets main.ts
 * build the deps (or give up with an exit code), runs the command and releases what was built.
 */
export async function executeCommand<Args, Deps>(
  command: CliCommand<Args, Deps>,
  argv: readonly string[],
  output: CliOutput,
  prepare: () => Promise<Prepared<Deps> | number>,
): Promise<number> {
  let parsed;
  try {
    parsed = command.parse(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    output.stderr.write(`${error.message}\n\n${command.help}\n`);
    return 2;
  }
  if (parsed.kind === 'help') {
    output.stdout.write(`${command.help}\n`);
    return 0;
  }
  const prepared = await prepare();
  if (typeof prepared === 'number') return prepared;
  try {
    return await command.run(parsed.args, prepared.deps);
  } finally {
    await prepared.close();
  }
}
