import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { staffLoginBody } from '@weiquan/shared';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import type { CounterStore } from '../../limits/counter-store';

export interface RateLimits {
  wechatLogin: RequestHandler;
  staffLogin: RequestHandler;
  filing: RequestHandler;
  uploads: RequestHandler;
  actions: RequestHandler;
}

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;
// IPv6 clients are counted per /56, as one household or host gets a whole prefix.
const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
const userOrIp = (req: Request) => (req.caller ? `u:${req.caller.id}` : `ip:${ip(req)}`);
/**
 * The username as login reads it (the shared schema trims it), folded further (case, compatibility
 * forms) so that no spelling of one name gets guesses of its own; a name login would refuse keys as sent.
 */
const staffName = (req: Request) => {
  const raw: unknown = req.body?.username;
  const parsed = staffLoginBody.shape.username.safeParse(raw);
  const name = parsed.success ? parsed.data : String(raw ?? '').slice(0, 64);
  return name.normalize('NFKC').toLowerCase();
};

/**
 * The contract's limits (each configurable; RATE_LIMIT=off for load tests), counted in the shared
 * counter store, answering 429 RATE_LIMITED with Retry-After in seconds. Every request counts,
 * valid or not. A counter store that fails passes its error on (a 503 when the database is down).
 */
export function createRateLimits(config: Config, counters: CounterStore): RateLimits {
  const make = (
    name: string,
    durationSeconds: number,
    points: number,
    key: (req: Request) => string,
  ): RequestHandler => {
    if (!config.RATE_LIMIT) return (_req, _res, next) => next();
    const limiter = counters.limiter({ name, points, durationSeconds });
    return (req, res, next) => {
      limiter.consume(key(req)).then(
        () => next(),
        (err: unknown) => {
          if (!(err instanceof RateLimiterRes)) return next(err);
          res.setHeader('Retry-After', String(Math.max(1, Math.ceil(err.msBeforeNext / 1000))));
          next(new AppError('RATE_LIMITED', 'Too many requests; try again later'));
        },
      );
    };
  };
  return {
    wechatLogin: make('wechat-login', MINUTE, config.RATE_LIMIT_WECHAT_LOGIN_PER_MINUTE, ip),
    staffLogin: make(
      'staff-login',
      15 * MINUTE,
      config.RATE_LIMIT_STAFF_LOGIN_PER_15_MINUTES,
      (req) => `${ip(req)}|${staffName(req)}`,
    ),
    filing: make('filing', DAY, config.RATE_LIMIT_FILINGS_PER_DAY, userOrIp),
    uploads: make('uploads', DAY, config.RATE_LIMIT_UPLOADS_PER_DAY, userOrIp),
    actions: make('actions', MINUTE, config.RATE_LIMIT_ACTIONS_PER_MINUTE, userOrIp),
  };
}
