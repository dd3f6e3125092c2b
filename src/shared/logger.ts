import { pino, type Logger, type LoggerOptions } from 'pino';

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

export interface CreateLoggerOptions {
  level: NonNullable<LoggerOptions['level']>;
  /** Where lines go; tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
}

export function createLogger({ level, destination }: CreateLoggerOptions): Logger {
  const options: LoggerOptions = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
