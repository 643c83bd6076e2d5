import pino, { type Logger } from 'pino';

/**
 * Paths redacted from every log line: tokens, secrets and personal data must never reach a log,
 * whatever object someone passes to the logger.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.secret',
  '*.phone',
  '*.idNumber',
  '*.session_key',
  '*.code',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'weiquan-bff' } },
    destination,
  );
}
export type { Logger };
