import type { CommandInfo } from './cli-command.ts';

/** `harbor help`: every command with its one-line summary. */
export function renderUsage(commands: readonly CommandInfo[]): string {
  const width = Math.max(...commands.map((command) => command.name.length), 4) + 2;
  const rows = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return [
    'Usage: npm run harbor -- <command> [options]     (or: tsx src/main.ts <command>)',
    '',
    'Commands:',
    ...rows,
    `  ${'help'.padEnd(width)}this message; \`help <command>\` or \`<command> --help\` for one command`,
    '',
    'Without a command, Harbor serves. Configuration comes from the environment; see README.md.',
  ].join('\n');
}
