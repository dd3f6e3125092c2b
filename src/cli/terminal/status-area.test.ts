import { describe, expect, it } from 'vitest';

import { createStatusArea } from './status-area.ts';

function terminal(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { write: (text: string) => writes.push(text), isTTY, columns: 20 }, writes };
}

describe('status area', () => {
  it('when on a terminal, then live lines are redrawn in place and printed text goes above them', () => {
    const { stream, writes } = terminal(true);
    const area = createStatusArea(stream);
    area.draw(['bar 1', 'bar 2']);
    area.draw(['bar 3']);
    area.print('a log line');
    expect(writes).toEqual([
      'bar 1\nbar 2\n',
      '\x1b[2A\r\x1b[0Jbar 3\n',
      '\x1b[1A\r\x1b[0Ja log line\nbar 3\n',
    ]);
  });

  it('when a live line is wider than the terminal, then it is cut so the redraw arithmetic holds', () => {
    const { stream, writes } = terminal(true);
    createStatusArea(stream).draw(['x'.repeat(50)]);
    expect(writes).toEqual([`${'x'.repeat(19)}\n`]);
  });

  it('when committed, then the next drawing starts below the old one', () => {
    const { stream, writes } = terminal(true);
    const area = createStatusArea(stream);
    area.draw(['done']);
    area.commit();
    area.draw(['next']);
    expect(writes).toEqual(['done\n', 'next\n']);
  });

  it('when not on a terminal, then nothing is redrawn and printed text is plain', () => {
    const { stream, writes } = terminal(false);
    const area = createStatusArea(stream);
    area.draw(['bar']);
    area.print('line');
    expect(writes).toEqual(['line\n']);
  });
});
