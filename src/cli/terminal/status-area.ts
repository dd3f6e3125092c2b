/** The slice of a stream the status area needs; process.stderr fits. */
export interface TerminalStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

/**
 * Live lines kept at the bottom of a terminal (a progress bar) with ordinary output scrolling above them.
 * On a stream that is not a terminal nothing is redrawn: callers print plain lines instead.
 */
export interface StatusArea {
  readonly isInteractive: boolean;
  /** Replaces the live lines (terminals only). */
  draw(lines: readonly string[]): void;
  /** Writes text above the live lines, which are redrawn below it. */
  print(text: string): void;
  /** Leaves the live lines where they are and starts a fresh area under them. */
  commit(): void;
}

const CLEAR_TO_END = '\x1b[0J';

export function createStatusArea(stream: TerminalStream): StatusArea {
  const isInteractive = stream.isTTY === true;
  let live: readonly string[] = [];

  // A line that wraps would break the cursor arithmetic, so live lines are cut to the terminal width.
  const fit = (line: string): string => {
    const width = (stream.columns ?? 100) - 1;
    return line.length > width ? line.slice(0, Math.max(width, 1)) : line;
  };
  const erase = (): string => (live.length > 0 ? `\x1b[${live.length}A\r${CLEAR_TO_END}` : '');
  const render = (): string => live.map((line) => `${fit(line)}\n`).join('');

  return {
    isInteractive,
    draw(lines) {
      if (!isInteractive) return;
      const before = erase();
      live = [...lines];
      stream.write(before + render());
    },
    print(text) {
      const line = text.endsWith('\n') ? text : `${text}\n`;
      stream.write(isInteractive ? erase() + line + render() : line);
    },
    commit() {
      live = [];
    },
  };
}

/** A pino destination that prints through the area, so log lines never tear a progress bar. */
export function statusAreaDestination(area: StatusArea): { write(chunk: string): void } {
  return {
    write(chunk) {
      area.print(chunk);
    },
  };
}
