import { Writable } from 'node:stream';

import { createLogger, type Logger } from '../../src/shared/logger.ts';

/** A logger whose lines are kept in memory, so tests can assert on what was (and was not) logged. */
export function createCapturingLogger(): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return {
    logger: createLogger({ level: 'debug', destination }),
    lines: () => chunks.join('').split('\n').filter(Boolean),
  };
}
