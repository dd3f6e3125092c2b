import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { isColorSupported, prettyFactory } from 'pino-pretty';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they appear: tokens, secrets, and HubSpot's signature headers. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hubspot-signature"]',
  'req.headers["x-hubspot-signature-v3"]',
  'res.headers["set-cookie"]',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.clientSecret',
  '*.client_secret',
  '*.password',
  'config.HUBSPOT_CLIENT_SECRET',
  'config.HUBSPOT_ACCESS_TOKEN',
  'config.ENCRYPTION_KEY',
  'config.DATABASE_URL',
];

export type LogFormat = 'auto' | 'json' | 'pretty';

export interface CreateLoggerOptions {
  level: NonNullable<LoggerOptions['level']>;
  /** `json` (the default) for collectors, `pretty` for people; `auto` decides from `isTty` and `nodeEnv`. */
  format?: LogFormat;
  /** Whether stdout is a terminal: what `auto` looks at. */
  isTty?: boolean;
  nodeEnv?: string;
  /** Colours in pretty lines; by default only when stdout is a terminal that takes them (NO_COLOR is honoured). */
  colorize?: boolean;
  /** Where lines go (stdout by default); tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/** `auto`: a person at a terminal gets readable lines; production and anything piped get one JSON per line. */
export function resolveLogFormat(
  format: LogFormat,
  { isTty, nodeEnv }: { isTty: boolean; nodeEnv: string | undefined },
): 'json' | 'pretty' {
  if (format !== 'auto') return format;
  return isTty && nodeEnv !== 'production' ? 'pretty' : 'json';
}

/**
 * Prettifies each line in the caller's turn, unlike pino-pretty's transport stream: lines logged just before
 * process.exit would be lost in its buffers.
 */
function prettyDestination(target: DestinationStream, colorize: boolean): DestinationStream {
  const prettify = prettyFactory({
    colorize,
    ignore: 'pid,hostname',
    translateTime: 'SYS:HH:MM:ss.l',
    singleLine: true,
  });
  return {
    write(line: string) {
      target.write(prettify(line));
    },
  };
}

export function createLogger(options: CreateLoggerOptions): Logger {
  const { level, format = 'json', isTty = false, nodeEnv, colorize, destination } = options;
  const pinoOptions: LoggerOptions = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  if (resolveLogFormat(format, { isTty, nodeEnv }) === 'json') {
    return destination === undefined ? pino(pinoOptions) : pino(pinoOptions, destination);
  }
  const target = destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    pinoOptions,
    prettyDestination(target, colorize ?? (destination === undefined && isColorSupported)),
  );
}
