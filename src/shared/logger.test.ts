import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger, resolveLogFormat, type CreateLoggerOptions } from './logger.ts';

function capture(options: Omit<CreateLoggerOptions, 'destination' | 'level'>) {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination, ...options });
  return { logger, text: () => chunks.join('') };
}

// eslint-disable-next-line no-control-regex -- ANSI colour escapes are what is under test
const ansi = /\u001b\[/;

describe('resolveLogFormat', () => {
  it.each([
    { isTty: true, nodeEnv: 'development', expected: 'pretty' },
    { isTty: true, nodeEnv: undefined, expected: 'pretty' },
    { isTty: true, nodeEnv: 'production', expected: 'json' },
    { isTty: false, nodeEnv: 'development', expected: 'json' },
  ] as const)(
    'when the format is auto, stdout is a terminal: $isTty and NODE_ENV is $nodeEnv, then it is $expected',
    ({ isTty, nodeEnv, expected }) => {
      expect(resolveLogFormat('auto', { isTty, nodeEnv })).toBe(expected);
    },
  );

  it('when the format is named, then neither the terminal nor NODE_ENV overrides it', () => {
    expect(resolveLogFormat('pretty', { isTty: false, nodeEnv: 'production' })).toBe('pretty');
    expect(resolveLogFormat('json', { isTty: true, nodeEnv: 'development' })).toBe('json');
  });
});

describe('createLogger', () => {
  it('when no format is given, then each line is one JSON object', () => {
    const { logger, text } = capture({});
    logger.info({ portalId: 7 }, 'synced');
    expect(JSON.parse(text())).toMatchObject({ level: 30, portalId: 7, msg: 'synced' });
  });

  it('when the format is pretty, then a person reads level, message and fields on one line, secrets still redacted', () => {
    const { logger, text } = capture({ format: 'pretty', colorize: false });
    logger.warn({ portalId: 7, config: { HUBSPOT_CLIENT_SECRET: 'shh-secret' } }, 'rate limited');
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: rate limited \{.*"portalId":7/);
    expect(text()).not.toContain('shh-secret');
    expect(text()).not.toMatch(ansi);
  });

  it('when pretty output is coloured, then the level carries colour escapes', () => {
    const { logger, text } = capture({ format: 'pretty', colorize: true });
    logger.error('boom');
    expect(text()).toMatch(ansi);
  });

  it('when auto runs at a terminal outside production, then lines are pretty', () => {
    const { logger, text } = capture({
      format: 'auto',
      isTty: true,
      nodeEnv: 'development',
      colorize: false,
    });
    logger.info('hello');
    expect(text()).toMatch(/INFO: hello/);
  });

  it('when a pretty line is logged right before process.exit, then it still reaches stdout', () => {
    const script = `
      import { createLogger } from ${JSON.stringify(join(import.meta.dirname, 'logger.ts'))};
      createLogger({ level: 'info', format: 'pretty', colorize: false }).fatal('last words');
      process.exit(3);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
      encoding: 'utf8',
    });
    expect(child.status).toBe(3);
    expect(child.stdout).toMatch(/FATAL: last words\n$/);
  });
});
