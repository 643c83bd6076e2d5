import { randomUUID } from 'node:crypto';
import type { Express, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'express-serve-static-core' {
  interface Request {
    /** the request id (the caller's X-Request-Id when well-formed, else a new UUID) */
    id: string;
    /** the logger for this request: every line carries `req` (id, method, path) */
    log: Logger;
  }
}

const INFO = Symbol('requestLogInfo');
const LOG = Symbol('requestLog');
type Info = { id: string; method: string; path: string };
type Tracked = Request & { [INFO]: Info; [LOG]?: Logger };

/**
 * The request id (X-Request-Id on every answer) and one log line per request, as pino-http wrote them
 * here before (`req` {id, method, path}, `res` {statusCode}, `responseTime`, "request completed", or
 * "request errored" with `err` for a 5xx), without its per-request child logger and serializer
 * passes: `req.log` is built only when something logs for the request (the error handler). Only
 * method, path and status: query strings and headers can carry tokens or personal data. The logger's
 * redaction applies to every line as before.
 */
export function requestLog(app: Express, logger: Logger): RequestHandler {
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Tracked) {
      return (this[LOG] ??= logger.child({ req: this[INFO] }));
    },
  });
  // The "request completed" line holds only what is built here (a request id of [\w-], method, path
  // without the query, status, time): key-based redaction finds nothing in it, so it is skipped for
  // this one line (~2% of a request's CPU). Errors go through the redacting logger.
  const completed = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const start = Date.now();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    req.id = id;
    const info: Info = { id, method: req.method, path: String(req.url).split('?')[0] };
    (req as Tracked)[INFO] = info;
    const done = (err?: Error) => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      res.removeListener('error', done);
      const responseTime = Date.now() - start;
      if (err || res.statusCode >= 500) {
        logger.info(
          {
            req: info,
            res: { statusCode: res.statusCode },
            err: err ?? new Error(`failed with status code ${res.statusCode}`),
            responseTime,
          },
          'request errored',
        );
      } else {
        completed.info({ req: info, res: { statusCode: res.statusCode }, responseTime }, 'request completed');
      }
    };
    if (req.url !== '/healthz' && req.url !== '/readyz') {
      res.on('close', done);
      res.on('finish', done);
    }
    res.on('error', done);
    next();
  };
}
