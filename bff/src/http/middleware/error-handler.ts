import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../../errors';

// Connection-level failures of the case store: the client should retry later (503), not see a 500.
const STORE_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '53300',
]);
function isStoreDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    (typeof e?.code === 'string' && STORE_DOWN_CODES.has(e.code)) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/.test(
      e?.message ?? '',
    )
  );
}

/** Translates anything thrown into the contract's error shape; the only place that writes errors. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (err?.type === 'entity.too.large')
      appError = new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    else if (err?.type === 'entity.parse.failed')
      appError = new AppError('VALIDATION_FAILED', 'The body is not valid JSON', [
        { path: '(body)', message: 'malformed JSON' },
      ]);
    else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported')
      appError = new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send UTF-8 JSON');
    else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500)
      appError = new AppError('VALIDATION_FAILED', 'Invalid request');
    else if (isStoreDown(err))
      appError = new AppError('UNAVAILABLE', 'The case store is unavailable; try again shortly');
    else appError = new AppError('INTERNAL', 'Something went wrong on our side');

    const log = req.log ?? logger;
    if (appError.status >= 500) log.error({ err }, 'request failed');
    if (res.headersSent) return void res.end();
    if (appError.code === 'UNAVAILABLE') res.setHeader('Retry-After', '5');
    if (appError.retryAfterSeconds) res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    res.status(appError.status).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details !== undefined ? { details: appError.details } : {}),
      },
    });
  };
}

export const notFoundRoute: RequestHandler = (_req, _res, next) =>
  next(new AppError('NOT_FOUND', 'No such endpoint'));
