/** One `harbor <command>`: its help, its argv parsing, and its work given the deps main.ts builds for it. */
export interface CliCommand<Args, Deps> {
  readonly name: string;
  /** One line in `harbor help`. */
  readonly summary: string;
  /** The whole text of `harbor <name> --help`. */
  readonly help: string;
  /** Parses the arguments after the command name; throws CliUsageError on bad input. */
  parse(argv: readonly string[]): ParsedCommand<Args>;
  /** Resolves with the process exit code. */
  run(args: Args, deps: Deps): Promise<number>;
}

export type ParsedCommand<Args> = { kind: 'help' } | { kind: 'run'; args: Args };

/** Bad command-line input: printed with the command's help, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** The help, summary and name of every command, for `harbor help` (commands differ only in their deps). */
export type CommandInfo = Pick<CliCommand<unknown, never>, 'name' | 'summary' | 'help'>;
