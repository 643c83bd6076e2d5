import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config';

const SECRET = 'a'.repeat(48);
const PII = Buffer.alloc(32, 7).toString('base64');
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: SECRET,
  PII_KEY: PII,
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: 's'.repeat(32),
  WECHAT_PUSH_TOKEN: 'pushToken12315',
  WECHAT_PUSH_AES_KEY: 'A'.repeat(43),
  PUBLIC_BASE_URL: 'https://weiquan.example.gov.cn',
};

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.message;
  }
  assert.fail('the configuration was accepted');
}

describe('loadConfig', () => {
  test('when nothing is set, then development defaults apply: emulator mode, rate limits on, port 3000', () => {
    const c = loadConfig({});
    assert.equal(c.NODE_ENV, 'development');
    assert.equal(c.PORT, 3000);
    assert.equal(c.wechatMode, 'emulator');
    assert.equal(c.RATE_LIMIT, true);
    assert.equal(c.RATE_LIMIT_FILINGS_PER_DAY, 20);
  });

  test('when several variables are bad, then every one of them is named in one error', () => {
    const msg = problems({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      RATE_LIMIT: 'maybe',
      DATABASE_URL: 'not a url',
      RATE_LIMIT_FILINGS_PER_DAY: '-1',
      JWT_SECRET: 'short',
    });
    for (const name of [
      'PORT',
      'LOG_LEVEL',
      'RATE_LIMIT',
      'DATABASE_URL',
      'RATE_LIMIT_FILINGS_PER_DAY',
      'JWT_SECRET',
    ]) {
      assert.match(msg, new RegExp(`^  ${name}: `, 'm'), `${name} is named in:\n${msg}`);
    }
  });

  test('when a bad variable holds a secret, then the error names it without echoing its value', () => {
    const msg = problems({ JWT_SECRET: 'tooshort-secret' });
    assert.match(msg, /JWT_SECRET/);
    assert.doesNotMatch(msg, /tooshort-secret/);
  });

  test('when production lacks JWT_SECRET, then it refuses to start, naming it', () => {
    const { JWT_SECRET: _, ...env } = production;
    assert.match(problems(env), /^ {2}JWT_SECRET: is required in production/m);
  });

  test('when production lacks a WeChat app id, then it refuses to start (no emulator in production)', () => {
    const { WECHAT_APPID: _a, WECHAT_SECRET: _s, ...env } = production;
    assert.match(problems(env), /^ {2}WECHAT_APPID: is required in production/m);
  });

  test('when production lacks PII_KEY or asks for demo data, then it refuses to start', () => {
    const { PII_KEY: _, ...env } = production;
    assert.match(problems(env), /^ {2}PII_KEY: /m);
    assert.match(problems({ ...production, DEMO_SEED: 'on' }), /^ {2}DEMO_SEED: /m);
  });

  test('when production with WeChat lacks the push token, AES key or public URL, then each is named', () => {
    const { WECHAT_PUSH_TOKEN: _t, WECHAT_PUSH_AES_KEY: _k, PUBLIC_BASE_URL: _u, ...env } = production;
    const msg = problems(env);
    assert.match(msg, /^ {2}WECHAT_PUSH_TOKEN: is required in production with WeChat/m);
    assert.match(msg, /^ {2}WECHAT_PUSH_AES_KEY: is required in production with WeChat/m);
    assert.match(msg, /^ {2}PUBLIC_BASE_URL: is required in production with WeChat/m);
    assert.match(
      problems({ ...production, PUBLIC_BASE_URL: 'http://weiquan.example' }),
      /PUBLIC_BASE_URL: must be https/,
    );
  });

  test('when the push settings are malformed, then each is named; emulator mode needs none of them', () => {
    const msg = problems({ WECHAT_PUSH_TOKEN: 'x!', WECHAT_PUSH_AES_KEY: 'short', PUBLIC_BASE_URL: 'nope' });
    assert.match(msg, /WECHAT_PUSH_TOKEN: must be 3-32 letters or digits/);
    assert.match(msg, /WECHAT_PUSH_AES_KEY: must be the 43-character EncodingAESKey/);
    assert.match(msg, /PUBLIC_BASE_URL: /);
    assert.match(problems({ WECHAT_PUSH_AES_KEY: 'B'.repeat(43) }), /WECHAT_PUSH_TOKEN: is required with/);
    assert.equal(loadConfig({}).WECHAT_PUSH_TOKEN, undefined);
  });

  test('when production has everything, then it starts in WeChat mode', () => {
    const c = loadConfig(production);
    assert.equal(c.wechatMode, 'wechat');
  });

  test('when WECHAT_APPID comes without WECHAT_SECRET, or a PII_KEY is not 32 bytes, then they are named', () => {
    assert.match(problems({ WECHAT_APPID: 'wx1' }), /WECHAT_SECRET/);
    assert.match(
      problems({ PII_KEY: Buffer.alloc(16).toString('base64') }),
      /^ {2}PII_KEY: must be 32 bytes/m,
    );
  });

  test('when empty strings are given, then they count as unset', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '', JWT_SECRET: '' });
    assert.equal(c.PORT, 3000);
    assert.equal(c.DATABASE_URL, undefined);
  });

  test('when CORS_ORIGINS lists origins with spaces, then they are split and trimmed', () => {
    assert.deepEqual(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example ,' }).corsOrigins, [
      'https://a.example',
      'https://b.example',
    ]);
  });

  test('when PII_KEY_PREVIOUS lists earlier keys, then they are parsed by id; a malformed list is named', () => {
    const old = Buffer.alloc(32, 1);
    const c = loadConfig({
      PII_KEY: PII,
      PII_KEY_ID: 'k2',
      PII_KEY_PREVIOUS: `k1:${old.toString('base64')}`,
    });
    assert.equal(c.PII_KEY_ID, 'k2');
    assert.deepEqual(c.piiPreviousKeys, [{ id: 'k1', key: old }]);
    assert.match(problems({ PII_KEY_PREVIOUS: 'k1' }), /^ {2}PII_KEY_PREVIOUS: /m);
    assert.match(problems({ PII_KEY_ID: 'a.b' }), /^ {2}PII_KEY_ID: /m);
  });

  test("when CALENDAR_POLL_MS is unset, then 30 s; set, it is read; past the contract's 60 s or below 100 ms, it is named", () => {
    assert.equal(loadConfig({}).CALENDAR_POLL_MS, 30_000);
    assert.equal(loadConfig({ CALENDAR_POLL_MS: '250' }).CALENDAR_POLL_MS, 250);
    assert.match(problems({ CALENDAR_POLL_MS: '60001' }), /^ {2}CALENDAR_POLL_MS: must be at most 60000 ms/m);
    assert.match(problems({ CALENDAR_POLL_MS: '50' }), /^ {2}CALENDAR_POLL_MS: must be at least 100 ms/m);
    assert.match(problems({ CALENDAR_POLL_MS: 'often' }), /^ {2}CALENDAR_POLL_MS: /m);
  });
});
