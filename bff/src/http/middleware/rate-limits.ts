import type { Request, RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { staffLoginBody } from '@weiquan/shared';
import type { Config } from '../../config';
import { AppError } from '../../errors';

export interface RateLimits {
  wechatLogin: RequestHandler;
  staffLogin: RequestHandler;
  filing: RequestHandler;
  uploads: RequestHandler;
  actions: RequestHandler;
}

const MINUTE = 60_000;
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

/** The contract's limits (each configurable; RATE_LIMIT=off for load tests), answering 429 with Retry-After. */
export function createRateLimits(config: Config): RateLimits {
  const make = (windowMs: number, limit: number, key: (req: Request) => string): RequestHandler => {
    if (!config.RATE_LIMIT) return (_req, _res, next) => next();
    return rateLimit({
      windowMs,
      limit,
      keyGenerator: key,
      standardHeaders: 'draft-6',
      legacyHeaders: false,
      handler: (req, res, next, options) => {
        const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        const seconds = reset
          ? Math.ceil((reset.getTime() - Date.now()) / 1000)
          : Math.ceil(options.windowMs / 1000);
        res.setHeader('Retry-After', String(Math.max(1, seconds)));
        next(new AppError('RATE_LIMITED', 'Too many requests; try again later'));
      },
    });
  };
  return {
    wechatLogin: make(MINUTE, config.RATE_LIMIT_WECHAT_LOGIN_PER_MINUTE, ip),
    staffLogin: make(
      15 * MINUTE,
      config.RATE_LIMIT_STAFF_LOGIN_PER_15_MINUTES,
      (req) => `${ip(req)}|${staffName(req)}`,
    ),
    filing: make(24 * 60 * MINUTE, config.RATE_LIMIT_FILINGS_PER_DAY, userOrIp),
    uploads: make(24 * 60 * MINUTE, config.RATE_LIMIT_UPLOADS_PER_DAY, userOrIp),
    actions: make(MINUTE, config.RATE_LIMIT_ACTIONS_PER_MINUTE, userOrIp),
  };
}
