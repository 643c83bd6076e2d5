import { isIP } from 'node:net';
import { z } from 'zod';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');
const positiveInt = z.coerce.number().int().positive();

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isAddressOrRange = (v: string) => {
  const [ip, bits, ...rest] = v.split('/');
  const family = isIP(ip);
  if (!family || rest.length) return PROXY_NAMES.has(v);
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
/**
 * Which hops may set X-Forwarded-For: off (the default: the peer is the client), a hop count, or
 * addresses, ranges and the names loopback/linklocal/uniquelocal, comma separated.
 */
const trustProxy = z
  .string()
  .transform((v, ctx): false | number | string[] => {
    if (/^(off|false|0)$/.test(v)) return false;
    if (/^\d+$/.test(v)) return Number(v);
    const list = v.split(',').map((p) => p.trim());
    const bad = list.filter((p) => !isAddressOrRange(p));
    if (bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `not a hop count, address, range or loopback: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return list;
  })
  .default(false);

/** Every environment variable the BFF reads, validated once at start; a bad one is named. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    // Checked per field (not in superRefine, which zod skips once any field fails) so that every bad variable is named at once.
    JWT_SECRET: z
      .string()
      .refine((v) => Buffer.byteLength(v) >= 32, 'must be at least 32 bytes')
      .optional(),
    PII_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
      .optional(),
    PII_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,16}$/, 'must be 1-16 letters, digits, _ or -')
      .default('k1'),
    // Key rotation: earlier keys that still open old values, "<id>:<base64 key>" separated by commas.
    PII_KEY_PREVIOUS: z
      .string()
      .refine(
        (v) =>
          v
            .split(',')
            .every(
              (p) =>
                /^[A-Za-z0-9_-]{1,16}:/.test(p) &&
                Buffer.from(p.slice(p.indexOf(':') + 1), 'base64').length === 32,
            ),
        'must be "<id>:<base64 32-byte key>" items separated by commas',
      )
      .optional(),
    WECHAT_APPID: z.string().min(1).optional(),
    WECHAT_SECRET: z.string().min(1).optional(),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    WECHAT_TIMEOUT_MS: positiveInt.default(5000),
    WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
    WECHAT_LANG: z.enum(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']).default('zh_CN'),
    // The message push (WeChat admin console, 开发管理 > 消息推送): Token 3-32 letters or digits,
    // EncodingAESKey 43 characters (safe mode), and where WeChat reaches this BFF (also media URLs).
    WECHAT_PUSH_TOKEN: z
      .string()
      .regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3-32 letters or digits, as the WeChat console requires')
      .optional(),
    WECHAT_PUSH_AES_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey (letters and digits)')
      .optional(),
    PUBLIC_BASE_URL: z
      .string()
      .url()
      .refine((v) => !/[?#]/.test(v), 'must be an origin (and optional path) without query or fragment')
      .optional(),
    WECHAT_CHECK_TIMEOUT_MS: positiveInt.default(2000),
    WECHAT_TEXT_CHECKS_PER_MINUTE: positiveInt.default(4000),
    WECHAT_TEMPLATE_CASE_UPDATE: z.string().min(1).optional(),
    WECHAT_TEMPLATE_MERCHANT_NEW_CASE: z.string().min(1).optional(),
    WECHAT_TEMPLATE_DEADLINE: z.string().min(1).optional(),
    STAFF_BOOTSTRAP_USER: z.string().min(1).optional(),
    STAFF_BOOTSTRAP_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    DEMO_SEED: onOff.optional(),
    RATE_LIMIT: onOff.default(true),
    RATE_LIMIT_WECHAT_LOGIN_PER_MINUTE: positiveInt.default(30),
    RATE_LIMIT_STAFF_LOGIN_PER_15_MINUTES: positiveInt.default(10),
    RATE_LIMIT_FILINGS_PER_DAY: positiveInt.default(20),
    RATE_LIMIT_UPLOADS_PER_DAY: positiveInt.default(100),
    RATE_LIMIT_ACTIONS_PER_MINUTE: positiveInt.default(120),
    // How many users one binding code may bind (a shop's few phones); staff issue a new code for more.
    BINDING_CODE_MAX_USERS: positiveInt.max(1000).default(5),
    CORS_ORIGINS: z.string().default('http://localhost:3000,http://localhost:10086'),
    CASE_NO_PREFIX: z
      .string()
      .regex(/^[A-Z]{2,4}$/)
      .default('XM'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    H5_DIR: z.string().optional(),
    CONSOLE_DIR: z.string().optional(),
    NOTIFIER: onOff.default(true),
    // How often each BFF and worker reads the calendar's version (ADR 0015); the contract promises a
    // saved year everywhere within 60 s, so no more than that. Tests set a short one.
    CALENDAR_POLL_MS: z.coerce
      .number()
      .int()
      .min(100, 'must be at least 100 ms')
      .max(60_000, 'must be at most 60000 ms: every process must see a saved year within 60 s')
      .default(30_000),
    TRUST_PROXY: trustProxy,
    // Unset: PostgreSQL with DATABASE_URL, else the local disk (docs/adr/0007-shared-blob-store.md).
    // Unset: /metrics answers anyone (keep it off the public network); set: a Bearer token is required.
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    // Rate-limit counters in Redis instead of PostgreSQL (docs/operating.md).
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    BLOB_STORE: z.enum(['disk', 'postgres', 's3']).optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_FORCE_PATH_STYLE: onOff.default(true),
    AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
    AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.WECHAT_APPID) !== Boolean(env.WECHAT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WECHAT_SECRET'],
        message: 'WECHAT_APPID and WECHAT_SECRET go together',
      });
    }
    if (Boolean(env.STAFF_BOOTSTRAP_USER) !== Boolean(env.STAFF_BOOTSTRAP_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['STAFF_BOOTSTRAP_PASSWORD'],
        message: 'STAFF_BOOTSTRAP_USER and STAFF_BOOTSTRAP_PASSWORD go together',
      });
    }
    if (env.WECHAT_PUSH_AES_KEY && !env.WECHAT_PUSH_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['WECHAT_PUSH_TOKEN'],
        message: 'is required with WECHAT_PUSH_AES_KEY (safe mode signs with the token too)',
      });
    }
    if (env.NODE_ENV === 'production' && env.WECHAT_APPID) {
      // review, grants and image checks all depend on WeChat reaching us
      for (const name of ['WECHAT_PUSH_TOKEN', 'WECHAT_PUSH_AES_KEY', 'PUBLIC_BASE_URL'] as const) {
        if (!env[name])
          ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production with WeChat' });
      }
      if (env.PUBLIC_BASE_URL && !env.PUBLIC_BASE_URL.startsWith('https://'))
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'must be https in production' });
    }
    if (env.BLOB_STORE === 'disk' && env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['BLOB_STORE'],
        message:
          'disk is for the embedded store only: with DATABASE_URL use postgres or s3, which every BFF can read',
      });
    if (env.BLOB_STORE === 's3' && !env.S3_BUCKET)
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required with BLOB_STORE=s3' });
    if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY))
      ctx.addIssue({
        code: 'custom',
        path: ['AWS_SECRET_ACCESS_KEY'],
        message: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together',
      });
    if (env.NODE_ENV === 'production') {
      if (!env.JWT_SECRET)
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
      if (!env.PII_KEY)
        ctx.addIssue({ code: 'custom', path: ['PII_KEY'], message: 'is required in production' });
      if (!env.WECHAT_APPID)
        ctx.addIssue({
          code: 'custom',
          path: ['WECHAT_APPID'],
          message: 'is required in production (emulator mode is for development)',
        });
      if (env.DEMO_SEED)
        ctx.addIssue({
          code: 'custom',
          path: ['DEMO_SEED'],
          message: 'demo data is never seeded in production',
        });
    }
  });

export type Config = z.infer<typeof envSchema> & {
  wechatMode: 'wechat' | 'emulator';
  corsOrigins: string[];
  piiPreviousKeys: { id: string; key: Buffer }[];
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as shells and .env files write them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    wechatMode: c.WECHAT_APPID ? 'wechat' : 'emulator',
    corsOrigins: c.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    piiPreviousKeys: (c.PII_KEY_PREVIOUS ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => ({
        id: p.slice(0, p.indexOf(':')),
        key: Buffer.from(p.slice(p.indexOf(':') + 1), 'base64'),
      })),
  };
}

/** For the entry points: the configuration, or a list of what is wrong on stderr and exit code 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
