/**
 * Property-based hostile input (issue 6): thousands of malformed requests across every endpoint.
 * Each request starts from a valid one and gets at least one change that makes it invalid (a wrong
 * type, a bad enum, UUID or date, an unknown or prototype key, a missing field, a malformed or
 * oversized body, a bad header...), plus optional noise. Mutating requests must answer a 4xx in the
 * contract's error shape; reads may answer 2xx; nothing may answer a 5xx; and afterwards every
 * table of the store is byte-for-byte what it was. A second property sends odd but valid text
 * (RTL marks, zero-width, emoji, SQL metacharacters) and checks it round-trips or is refused cleanly.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  complaintBody,
  createMerchant,
  fileComplaint,
  loginConsumer,
  loginMerchant,
  loginStaff,
  upload,
} from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { storeKinds, type StoreKind } from '../support/test-db';

// ~10,000 requests on PGlite; fewer on the second store (same code paths, slower round trips).
const RUNS: Record<StoreKind, { malformed: number; text: number }> = {
  pglite: { malformed: Number(process.env.HOSTILE_RUNS ?? 1150), text: 150 },
  postgres: { malformed: Number(process.env.HOSTILE_RUNS_PG ?? 300), text: 60 },
};
const BATCH = 8;

// ---- hostile values -------------------------------------------------------------------------------
const ODD_UNICODE = [
  '\u202E',
  '\u202D',
  '\u200F',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '😀',
  '👨‍👩‍👧‍👦',
  '🇨🇳',
  'e\u0301',
  '\u2028',
  '\u2029',
  '𠀀',
  '\u00A0',
  '\u3000',
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\r\n',
  '\uFFFE',
  '\uFFFF',
  'İ',
  'ß',
  'ﷺ',
  '\u0600',
];
const SQL_META = [
  "'",
  '"',
  ';',
  '--',
  '/*',
  '*/',
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  '1; SELECT pg_sleep(5)',
  '\\',
  '%',
  '_',
  '$1',
  '$$',
  "E'\\x00'",
  'NULL',
  '::uuid',
  ')',
  '(',
  '`',
  '${x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '%s%n',
];
const utf16Units = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 })
  .map((a) => String.fromCharCode(...a));
const hostileString = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...ODD_UNICODE),
        fc.constantFrom(...SQL_META),
        fc.string({ maxLength: 8 }),
        utf16Units,
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join('')),
  fc.constantFrom(
    '',
    ' ',
    '\u200B',
    '\t\n',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-1',
    '0x10',
    'true',
    'null',
    'undefined',
    '[object Object]',
  ),
  fc
    .integer({ min: 5_000, max: 70_000 })
    .chain((n) => fc.constantFrom('x', '中', '😀', '\u202E').map((c) => c.repeat(n))),
);
const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-0000-0000-0000000000000',
  '{00000000-0000-0000-0000-000000000000}',
  'gggggggg-gggg-gggg-gggg-gggggggggggg',
  "' OR 1=1 --",
  '1',
  '-1',
  '0',
  `${randomUUID()}'`,
  `${randomUUID()} `,
  randomUUID().replace(/-/g, ''),
  'x'.repeat(300),
];
const BAD_DATES = [
  '2026-02-30',
  '2025-02-29',
  '0000-00-00',
  '9999-12-31',
  '2099-01-01',
  '1899-12-31',
  '2026-1-1',
  '20260101',
  '2026-01-01T00:00:00Z',
  '2026-00-10',
  '2026-13-01',
  '-002026-01-01',
  '２０２６-01-01',
  '2026/01/01',
];
const BAD_NUMBERS: unknown[] = [
  -1,
  -0.5,
  1.5,
  10_000_000_001,
  2 ** 53,
  Number.MAX_VALUE,
  -(2 ** 31),
  'NaN',
  'Infinity',
  '100',
  '1e3',
  'true',
  null,
  [],
  {},
];
/** JSON number texts that JSON.stringify cannot write: they go into the body verbatim. */
const RAW_NUMBERS = ['1e400', '-1e400', '1e-400', '0.1e1', '-0', '123456789012345678901234567890', '1E2'];
/** Those of them that no numeric field takes ('0.1e1' is 1, '1E2' 100, '-0' and '1e-400' are 0: valid fen, scores or versions). */
const RAW_BAD_NUMBERS = ['1e400', '-1e400', '123456789012345678901234567890'];

const deepNest = fc
  .integer({ min: 1, max: 20_000 })
  .chain((d) =>
    fc.constantFrom(
      { raw: '['.repeat(d) + ']'.repeat(d) },
      { raw: '{"a":'.repeat(Math.min(d, 10_000)) + '1' + '}'.repeat(Math.min(d, 10_000)) },
    ),
  );
/** Any hostile JSON value: for leaves that only accept a narrow type (enum, uuid, date, number, boolean). */
const hostileAny: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...BAD_UUIDS, ...BAD_DATES, ...BAD_NUMBERS),
  fc.constantFrom(...RAW_BAD_NUMBERS).map((raw) => ({ raw })),
  // not a whole number of the ranges any numeric field takes (a 1 or a 3 could be a valid version, fen or score)
  fc.double().filter((d) => !Number.isInteger(d)),
  fc
    .integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
    .filter((n) => n < 0 || n > 10_000_000_000),
  fc.constantFrom(null, [], {}, [null], [[[]]], { $ne: null }, { $gt: '' }),
  deepNest,
  fc.dictionary(hostileString, fc.constantFrom(1, 'x', null), { maxKeys: 3 }),
);
/** Hostile values that no free-text leaf accepts: other types, empty, blank, too long. */
const hostileNonText: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', '   ', '\t\n', null, 0, 1, -1, true, false, [], {}, ['text'], { text: 'x' }, 1e21),
  fc.constantFrom(...RAW_NUMBERS).map((raw) => ({ raw })),
  // longer than any text field (the longest, an article body, takes 20,000)
  fc
    .integer({ min: 20_001, max: 70_000 })
    .chain((n) => fc.constantFrom('x', '中', '😀', "'").map((c) => c.repeat(n))),
  deepNest,
);
const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '$where',
  "'; DROP TABLE users; --",
  '',
  ' ',
  '\u202Ekind',
  'id',
  'status',
  'version',
  'consumerId',
  'role',
  'isAdmin',
];
const INVALID_RAW_BODIES = [
  '{',
  '{"a":',
  '{kind: "complaint"}',
  "{'a': 1}",
  '{"a":1,}',
  '[1,2,]',
  'NaN',
  '{"a": NaN}',
  '{"a": Infinity}',
  '{"a": undefined}',
  '\u0000',
  '\uFEFF{}',
  '{"a":"\\u00"}',
  '{"a":"\\x41"}',
  '{"a":"\n"}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '"string"',
  '42',
  'null',
  'true',
  '[]',
  '',
  ' ',
  '{}'.repeat(3),
  '\xff\xfe{}',
];
const BAD_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zzz',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=klingon',
  'application/xml',
  'application/json, text/html',
  'json',
  '*/*',
  'application/jsonx',
  '',
];

// ---- the endpoints, each with a valid request to start from -------------------------------------
type Role = 'consumer' | 'merchant' | 'staff' | 'none';
interface Ctx {
  caseId: string;
  uploadId: string;
  merchantId: string;
  tokens: Record<Exclude<Role, 'none'>, string>;
}
interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path: (c: Ctx) => string;
  role: Role;
  body?: (c: Ctx) => Record<string, unknown>;
  /** leaves that accept only a narrow type or value: any hostile value is invalid there */
  strict?: string[];
  /** free-text leaves: only wrong types and lengths are sure to be invalid */
  free?: string[];
  /** the path carries an id that may be replaced */
  idInPath?: boolean;
  query?: string[];
  idempotent?: boolean;
}
const ENDPOINTS: Endpoint[] = [
  {
    name: 'wechat login',
    method: 'POST',
    path: () => '/auth/wechat',
    role: 'none',
    body: () => ({ code: 'dev:fuzz', as: 'consumer' }),
    strict: ['code', 'as'],
  },
  {
    name: 'refresh',
    method: 'POST',
    path: () => '/auth/refresh',
    role: 'none',
    body: () => ({ refreshToken: 'unknown-refresh-token' }),
    strict: ['refreshToken'],
  },
  {
    name: 'staff login',
    method: 'POST',
    path: () => '/auth/staff',
    role: 'none',
    body: () => ({ username: 'staff-test', password: 'wrong-password' }),
    strict: ['username', 'password'],
  },
  { name: 'me', method: 'GET', path: () => '/me', role: 'consumer' },
  {
    name: 'profile',
    method: 'PUT',
    path: () => '/me/profile',
    role: 'consumer',
    body: () => ({
      name: '张三',
      phone: '13812348000',
      address: '福建省厦门市思明区',
      idNumber: '35020319900101123X',
    }),
    strict: ['phone', 'idNumber'],
    free: ['name', 'address'],
  },
  { name: 'merchant search', method: 'GET', path: () => '/merchants', role: 'none', query: ['q', 'limit'] },
  {
    name: 'bind',
    method: 'POST',
    path: () => '/merchant/bind',
    role: 'consumer',
    body: () => ({ bindingCode: 'ZZZZ-ZZZZ-ZZZZ' }),
    strict: ['bindingCode'],
  },
  {
    name: 'create merchant',
    method: 'POST',
    path: () => '/staff/merchants',
    role: 'staff',
    body: () => ({
      name: '模糊测试商家',
      address: '福建省厦门市思明区1号',
      district: '思明区',
      uscc: '91350200MA2XXXXX0X',
      badges: { odr: true, noReasonReturn: false, rightsStation: false },
    }),
    strict: ['uscc', 'badges.odr', 'badges.noReasonReturn', 'badges.rightsStation'],
    free: ['name', 'address', 'district'],
  },
  {
    name: 'file complaint',
    method: 'POST',
    path: () => '/cases',
    role: 'consumer',
    idempotent: true,
    body: (c) =>
      complaintBody({
        merchant: { id: c.merchantId },
        purchase: { amountFen: 39900, occurredOn: '2026-01-05', channel: 'online', orderNo: 'JD123' },
      }) as unknown as Record<string, unknown>,
    strict: [
      'kind',
      'merchant',
      'merchant.id',
      'category',
      'demand',
      'demand.type',
      'demand.amountFen',
      'purchase',
      'purchase.amountFen',
      'purchase.occurredOn',
      'purchase.channel',
      'complainant',
      'complainant.phone',
      'attachments.0',
      'shareContactWithMerchant',
    ],
    free: ['facts', 'complainant.name', 'complainant.address', 'purchase.orderNo'],
  },
  {
    name: 'file report',
    method: 'POST',
    path: () => '/cases',
    role: 'consumer',
    idempotent: true,
    body: () => ({
      kind: 'report',
      merchant: { name: '某某餐馆', address: '福建省厦门市湖里区1号' },
      category: 'food_safety',
      facts: '后厨卫生状况很差，老鼠出没。',
      attachments: [],
    }),
    strict: ['kind', 'merchant', 'category'],
    free: ['facts', 'merchant.name', 'merchant.address'],
  },
  {
    name: 'file consultation',
    method: 'POST',
    path: () => '/cases',
    role: 'consumer',
    idempotent: true,
    body: () => ({
      kind: 'consultation',
      category: 'household_appliances',
      question: '七天无理由退货从哪天算起？',
    }),
    strict: ['kind', 'category'],
    free: ['question'],
  },
  {
    name: 'list cases',
    method: 'GET',
    path: () => '/cases',
    role: 'consumer',
    query: ['status', 'kind', 'overdue', 'open', 'merchantId', 'cursor', 'limit'],
  },
  {
    name: 'staff list',
    method: 'GET',
    path: () => '/cases',
    role: 'staff',
    query: ['status', 'kind', 'overdue', 'cursor', 'limit'],
  },
  { name: 'get case', method: 'GET', path: (c) => `/cases/${c.caseId}`, role: 'consumer', idInPath: true },
  {
    name: 'supplement',
    method: 'POST',
    path: (c) => `/cases/${c.caseId}/actions`,
    role: 'consumer',
    idInPath: true,
    body: () => ({ type: 'supplement', text: '补充：发票已找到。', expectedVersion: 1 }),
    strict: ['type', 'expectedVersion'],
    free: ['text'],
  },
  {
    name: 'propose',
    method: 'POST',
    path: (c) => `/cases/${c.caseId}/actions`,
    role: 'merchant',
    idInPath: true,
    body: () => ({ type: 'propose', text: '同意全额退款', refundFen: 39900, expectedVersion: 1 }),
    strict: ['type', 'refundFen', 'expectedVersion'],
    free: ['text'],
  },
  {
    name: 'close',
    method: 'POST',
    path: (c) => `/cases/${c.caseId}/actions`,
    role: 'staff',
    idInPath: true,
    body: () => ({
      type: 'close',
      outcome: 'terminated',
      ground: 'consumer_withdrew_or_unreachable',
      recoveredFen: 0,
      text: '终止',
      expectedVersion: 1,
    }),
    strict: ['type', 'outcome', 'ground', 'recoveredFen', 'expectedVersion'],
    free: ['text'],
  },
  {
    name: 'rate',
    method: 'POST',
    path: (c) => `/cases/${c.caseId}/actions`,
    role: 'consumer',
    idInPath: true,
    body: () => ({ type: 'rate', score: 5, comment: '好', expectedVersion: 1 }),
    strict: ['type', 'score', 'expectedVersion'],
    free: ['comment'],
  },
  { name: 'upload', method: 'POST', path: () => '/uploads', role: 'consumer' },
  {
    name: 'get upload',
    method: 'GET',
    path: (c) => `/uploads/${c.uploadId}`,
    role: 'consumer',
    idInPath: true,
  },
  {
    name: 'subscriptions',
    method: 'POST',
    path: () => '/subscriptions',
    role: 'consumer',
    body: () => ({ results: { 'tpl-fuzz': 'accept' } }),
    strict: ['results'],
  },
  {
    name: 'notifications',
    method: 'GET',
    path: () => '/notifications',
    role: 'consumer',
    query: ['cursor', 'limit', 'unread'],
  },
  {
    name: 'read notifications',
    method: 'POST',
    path: () => '/notifications/read',
    role: 'consumer',
    body: () => ({ ids: ['1'] }),
    strict: ['ids'],
  },
  { name: 'stats', method: 'GET', path: () => '/stats', role: 'none', query: ['from', 'to'] },
  { name: 'faq', method: 'GET', path: () => '/faq', role: 'none', query: ['q', 'limit'] },
  {
    name: 'articles',
    method: 'GET',
    path: () => '/articles',
    role: 'none',
    query: ['kind', 'cursor', 'limit'],
  },
  {
    name: 'publish article',
    method: 'POST',
    path: () => '/staff/articles',
    role: 'staff',
    body: () => ({ kind: 'warning', title: '警惕预付卡跑路', body: '办理预付卡前请核实商家资质。' }),
    strict: ['kind', 'category'],
    free: ['title', 'body'],
  },
  { name: 'hotspots', method: 'GET', path: () => '/staff/hotspots', role: 'staff' },
  { name: 'meta', method: 'GET', path: () => '/meta', role: 'none' },
];

// ---- mutations -----------------------------------------------------------------------------------
type Mutation =
  | { kind: 'leaf'; path: string; value: unknown }
  | { kind: 'drop'; path: string }
  | { kind: 'extraKey'; at: string; key: string; value: unknown }
  | { kind: 'wholeBody'; value: unknown }
  | { kind: 'rawBody'; text: string }
  | { kind: 'contentType'; value: string }
  | { kind: 'auth'; value: string }
  | { kind: 'idempotencyKey'; value: string }
  | { kind: 'pathId'; value: string }
  | { kind: 'query'; text: string }
  | { kind: 'multipart'; filename: string; field: string; bytes: Uint8Array; contentType: string };
/** Noise that does not by itself make a request invalid. */
type Noise = { requestId?: string; accept?: string; extraHeader?: [string, string] };

const latin1Header = fc.oneof(
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 300,
  }),
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Bearer  x',
    'bearer abc',
    'Bearer a.b.c',
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    'Basic Og==',
    'Bearer null',
    'Bearer undefined',
    `Bearer ${'A'.repeat(6000)}`,
    'Bearer ../../',
    'Bearer é',
  ),
);
// Header values travel as bytes: non-Latin-1 text goes as its UTF-8 bytes (what a client would send).
const asHeaderBytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const badIdemKey = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a b',
    'k'.repeat(129),
    asHeaderBytes('ключ'),
    asHeaderBytes('键'),
    'tab\tkey',
    'é',
  ),
  fc.string({
    unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 20,
  }),
);
const badPathId = fc.oneof(
  fc.constantFrom(
    ...BAD_UUIDS,
    '..',
    '.',
    '%2e%2e',
    '%00',
    '%2F',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '%E2%80%AE',
    '%F0%9F%98%80',
    '%ED%A0%80',
    '%FF',
    '%',
    '1%20OR%201=1',
    randomUUID().toUpperCase(),
    randomUUID(),
  ),
  hostileString
    .filter((s) => s.length > 0 && s.length < 500)
    .map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, 'x'))),
);
const queryValue = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '101',
    '1e2',
    'NaN',
    'Infinity',
    'true',
    'maybe',
    'x'.repeat(300),
    '%00',
    '%E2%80%AE',
    '%ED%A0%80',
    '%FF',
    '%',
    "'%20OR%20'1'='1",
    '2026-13',
    '0000-00',
    '9999-12',
    '2026-02-30',
    '[]',
    '{}',
  ),
  hostileString
    .filter((s) => s.length < 300)
    .map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))),
);

function mutationsFor(ep: Endpoint): fc.Arbitrary<Mutation>[] {
  const out: fc.Arbitrary<Mutation>[] = [
    fc
      .constant<Mutation>({ kind: 'auth', value: '' })
      .chain(() => latin1Header.map((value): Mutation => ({ kind: 'auth', value }))),
  ];
  if (ep.idInPath) out.push(badPathId.map((value): Mutation => ({ kind: 'pathId', value })));
  if (ep.name === 'upload') {
    out.push(
      fc
        .record({
          filename: fc.oneof(
            fc.constantFrom(
              'photo.png',
              '../../etc/passwd',
              'a\u0000.png',
              '\u202Egnp.exe',
              '😀.jpg',
              'x'.repeat(1000),
              '',
              '.htaccess',
              'CON',
            ),
            hostileString.filter((s) => s.length < 200).map((s) => s.replace(/[\uD800-\uDFFF"\r\n]/g, '')),
          ),
          field: fc.constantFrom('file', 'file', 'files', 'FILE', '', 'file[]', '__proto__'),
          // "<" first: never one of the accepted types' magic numbers.
          bytes: fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array([0x3c, ...b])),
          contentType: fc.constantFrom(
            'image/png',
            'image/jpeg',
            'application/pdf',
            'text/html',
            'application/x-msdownload',
            '',
          ),
        })
        .map((m): Mutation => ({ kind: 'multipart', ...m })),
      fc
        .constantFrom(
          ...BAD_CONTENT_TYPES,
          'multipart/form-data',
          'multipart/form-data; boundary=',
          'multipart/mixed; boundary=x',
        )
        .map((value): Mutation => ({ kind: 'contentType', value })),
      fc.constantFrom(...INVALID_RAW_BODIES).map((text): Mutation => ({ kind: 'rawBody', text })),
    );
  }
  if (ep.query) {
    const q = ep.query;
    out.push(
      fc
        .array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...q),
              fc.constantFrom('__proto__', 'constructor', 'limit[]', 'status[$ne]', 'x', ''),
            ),
            queryValue,
          ),
          { minLength: 1, maxLength: 4 },
        )
        .map((pairs): Mutation => ({
          kind: 'query',
          text: pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'),
        })),
    );
  }
  if (ep.body) {
    const strict = ep.strict ?? [];
    const free = ep.free ?? [];
    const required = [...strict, ...free].filter(
      (p) =>
        !/^(purchase\.amountFen|purchase\.orderNo|demand\.amountFen|as|uscc|idNumber|badges.*|attachments.*|expectedVersion|refundFen|recoveredFen|comment|category)$/.test(
          p,
        ),
    );
    if (strict.length)
      out.push(
        fc
          .tuple(fc.constantFrom(...strict), hostileAny)
          .map(([path, value]): Mutation => ({ kind: 'leaf', path, value })),
      );
    if (free.length)
      out.push(
        fc
          .tuple(fc.constantFrom(...free), hostileNonText)
          .map(([path, value]): Mutation => ({ kind: 'leaf', path, value })),
      );
    if (required.length)
      out.push(fc.constantFrom(...required).map((path): Mutation => ({ kind: 'drop', path })));
    const objects = [
      '',
      ...new Set(
        [...strict, ...free].filter((p) => p.includes('.')).map((p) => p.slice(0, p.lastIndexOf('.'))),
      ),
    ].filter((p) => !/\.\d+$|^ids$|^attachments$/.test(p));
    out.push(
      fc
        .tuple(
          fc.constantFrom(...objects),
          fc.constantFrom(...EXTRA_KEYS),
          fc.oneof(hostileAny, fc.constant({ isAdmin: true })),
        )
        .map(([at, key, value]): Mutation => ({ kind: 'extraKey', at, key, value })),
      fc
        .oneof(
          hostileAny.filter(
            (v) =>
              !(v && typeof v === 'object' && !Array.isArray(v) && !('raw' in v)) ||
              Object.keys(v as object).length > 0,
          ),
          fc.constant([{}]),
        )
        .map((value): Mutation => ({ kind: 'wholeBody', value })),
      fc.constantFrom(...INVALID_RAW_BODIES).map((text): Mutation => ({ kind: 'rawBody', text })),
      fc.constantFrom(...BAD_CONTENT_TYPES).map((value): Mutation => ({ kind: 'contentType', value })),
    );
    if (ep.idempotent) out.push(badIdemKey.map((value): Mutation => ({ kind: 'idempotencyKey', value })));
  }
  return out;
}

const noiseArb: fc.Arbitrary<Noise> = fc.record(
  {
    requestId: fc.oneof(
      fc.constantFrom('', 'x'.repeat(65), '../../', "'; --", 'abc-123'),
      fc.string({
        unit: fc
          .integer({ min: 0x20, max: 0xff })
          .filter((c) => c !== 0x7f)
          .map((c) => String.fromCharCode(c)),
        maxLength: 80,
      }),
    ),
    accept: fc.constantFrom('text/html', 'application/xml', '*/*', 'image/png', ''),
    extraHeader: fc.tuple(
      fc.constantFrom(
        'X-Forwarded-For',
        'X-HTTP-Method-Override',
        'X-Original-URL',
        'Origin',
        'Cookie',
        'Range',
        'If-None-Match',
      ),
      fc.constantFrom(
        '127.0.0.1, 10.0.0.1',
        'DELETE',
        '/api/v1/staff/merchants',
        'https://evil.example',
        'a=b',
        'bytes=0-1',
        '*',
      ),
    ),
  },
  { requiredKeys: [] },
);

/** A request: an endpoint, 1-3 invalidating mutations, optional noise. */
const requestArb = fc.constantFrom(...ENDPOINTS).chain((ep) =>
  fc.record({
    ep: fc.constant(ep),
    mutations: fc.array(fc.oneof(...mutationsFor(ep)), { minLength: 1, maxLength: 3 }),
    noise: noiseArb,
  }),
);
type HostileRequest = { ep: Endpoint; mutations: Mutation[]; noise: Noise };

// ---- building and sending ------------------------------------------------------------------------
const RAW = '\u0001raw\u0001';
function setPath(
  obj: Record<string, unknown>,
  path: string,
  fn: (parent: Record<string, unknown>, key: string) => void,
) {
  const keys = path.split('.');
  let cur: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (!next || typeof next !== 'object') return;
    cur = next as Record<string, unknown>;
  }
  fn(cur, keys[keys.length - 1]);
}
/** JSON with support for raw number texts and own `__proto__` keys. */
function toJson(value: unknown): string {
  const raws: string[] = [];
  const prepared = JSON.stringify(value, (_k, v) => {
    if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.keys(v).length === 1 &&
      'raw' in v &&
      typeof (v as { raw: unknown }).raw === 'string'
    ) {
      raws.push((v as { raw: string }).raw);
      return `${RAW}${raws.length - 1}`;
    }
    return v;
  });
  return prepared.replace(new RegExp(`"${RAW}(\\d+)"`, 'g'), (_m, i) => raws[Number(i)]);
}

interface Built {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  describe: string;
}
/**
 * A copy of a generated value for this request alone: fast-check hands out the same constant objects
 * to many runs, and later mutations write into what they are given (once, a cycle).
 */
const fresh = <T>(v: T): T => (v && typeof v === 'object' ? structuredClone(v) : v);

function build(req: HostileRequest, ctx: Ctx, baseUrl: string): Built {
  const { ep, mutations, noise } = req;
  let path = ep.path(ctx);
  const headers: Record<string, string> = {};
  if (ep.role !== 'none') headers.authorization = `Bearer ${ctx.tokens[ep.role]}`;
  if (ep.idempotent) headers['idempotency-key'] = randomUUID();
  let body: string | FormData | undefined;
  let json: unknown = ep.body ? structuredClone(ep.body(ctx)) : undefined;
  let raw: string | undefined;
  let contentType: string | undefined = ep.body ? 'application/json' : undefined;
  let query = '';
  for (const m of mutations) {
    switch (m.kind) {
      case 'leaf':
        if (json && typeof json === 'object')
          setPath(json as Record<string, unknown>, m.path, (p, k) => (p[k] = fresh(m.value)));
        break;
      case 'drop':
        if (json && typeof json === 'object')
          setPath(json as Record<string, unknown>, m.path, (p, k) => delete p[k]);
        break;
      case 'extraKey': {
        if (!json || typeof json !== 'object') break;
        const target = m.at
          ? (m.at
              .split('.')
              .reduce<unknown>(
                (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
                json,
              ) as Record<string, unknown> | undefined)
          : (json as Record<string, unknown>);
        if (target && typeof target === 'object' && !Array.isArray(target))
          Object.defineProperty(target, m.key, {
            value: fresh(m.value),
            enumerable: true,
            configurable: true,
            writable: true,
          });
        break;
      }
      case 'wholeBody':
        json = fresh(m.value);
        break;
      case 'rawBody':
        raw = m.text;
        break;
      case 'contentType':
        contentType = m.value;
        break;
      case 'auth':
        headers.authorization = m.value;
        break;
      case 'idempotencyKey':
        headers['idempotency-key'] = m.value;
        break;
      case 'pathId':
        path = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, m.value);
        break;
      case 'query':
        query = query ? `${query}&${m.text}` : m.text;
        break;
      case 'multipart': {
        const form = new FormData();
        form.append(
          m.field,
          new Blob([new Uint8Array(m.bytes)], m.contentType ? { type: m.contentType } : {}),
          m.filename,
        );
        body = form;
        contentType = undefined;
        break;
      }
    }
  }
  if (ep.name === 'upload' && body === undefined && raw === undefined) {
    // an upload that is not a multipart file: the raw or wrong-type mutations above decide
    raw = 'not a multipart body';
  }
  if (body === undefined) body = raw ?? (json !== undefined ? toJson(json) : undefined);
  if (contentType !== undefined && !(body instanceof FormData)) headers['content-type'] = contentType;
  if (noise.requestId !== undefined) headers['x-request-id'] = noise.requestId;
  if (noise.accept !== undefined) headers.accept = noise.accept;
  if (noise.extraHeader) headers[noise.extraHeader[0].toLowerCase()] = noise.extraHeader[1];
  const url = `${baseUrl}/api/v1${path}${query ? `?${query}` : ''}`;
  const shown =
    typeof body === 'string'
      ? body.length > 300
        ? `${body.slice(0, 300)}... (${body.length} chars)`
        : body
      : body
        ? '[multipart]'
        : '';
  return {
    method: ep.method,
    url,
    headers,
    body: ep.method === 'GET' ? undefined : body,
    describe: `${ep.name}: ${ep.method} ${url.slice(0, 300)} headers=${JSON.stringify(headers).slice(0, 400)} body=${shown} mutations=${JSON.stringify(mutations.map((m) => ({ ...m, ...('value' in m && typeof m.value === 'string' && m.value.length > 100 ? { value: `${m.value.slice(0, 100)}...(${m.value.length})` } : {}) })))}`,
  };
}

async function send(b: Built): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(b.url, { method: b.method, headers: b.headers, body: b.body });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

function checkAnswer(b: Built, res: { status: number; body: unknown; text: string }) {
  const why = `${res.status} ${res.text.slice(0, 300)}\n  for ${b.describe}`;
  assert.ok(res.status > 0, `the request could not be sent: ${why}`);
  assert.ok(res.status < 500, `never a 5xx: ${why}`);
  const mutating = b.method !== 'GET';
  if (mutating) assert.ok(res.status >= 400, `a malformed request must be refused: ${why}`);
  if (res.status >= 400) {
    const e = (res.body as { error?: { code?: unknown; message?: unknown; details?: unknown } })?.error;
    assert.ok(
      e && typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) && typeof e.message === 'string',
      `the contract's error shape: ${why}`,
    );
    assert.deepEqual(Object.keys(res.body as object), ['error'], `nothing beside "error": ${why}`);
    assert.doesNotMatch(res.text, /\bat [\w.<>]+ \(|node_modules|\.ts:\d+/, `never a stack trace: ${why}`);
  }
}

/** Every table's row count and content digest: the store must be exactly as it was. */
async function fingerprint(app: TestApp): Promise<Record<string, string>> {
  const tables = await app.services.store.db.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    // stats_* hold derived figures that a GET /stats may recompute (they lag the store by design).
    if (tablename.startsWith('stats_')) continue;
    const ident = `"${tablename.replace(/"/g, '""')}"`;
    const [row] = await app.services.store.db.query<{ n: number; h: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${ident} t`,
    );
    out[tablename] = `${row.n}:${row.h}`;
  }
  return out;
}

for (const store of storeKinds()) {
  describe(`hostile input (${store})`, () => {
    let app: TestApp;
    let ctx: Ctx;
    before(async () => {
      app = await startTestApp({ store });
      app.clock.set('2026-11-24T02:00:00Z');
      const merchant = await createMerchant(app, { odr: true });
      const consumer = await loginConsumer(app);
      const shop = await loginMerchant(app, merchant);
      const staff = await loginStaff(app);
      const photo = await upload(app, consumer.accessToken);
      const c = await fileComplaint(app, consumer.accessToken, { merchant: { id: merchant.id } });
      ctx = {
        caseId: c.id,
        uploadId: photo.body.id,
        merchantId: merchant.id,
        tokens: { consumer: consumer.accessToken, merchant: shop.accessToken, staff: staff.accessToken },
      };
    });
    after(() => app.close());

    test(`when ${RUNS[store].malformed * BATCH} malformed requests hit every endpoint, then each is a 4xx in the error shape (reads may succeed), none a 5xx, and the store is unchanged`, async () => {
      const before = await fingerprint(app);
      let sent = 0;
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(fc.array(requestArb, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const built = batch.map((r) => build(r, ctx, app.baseUrl));
          const answers = await Promise.all(
            built.map((b) =>
              send(b).catch((err: Error) => ({
                status: -1,
                body: undefined,
                text: `client error ${err.message} ${(err.cause as Error)?.message ?? ''}`,
              })),
            ),
          );
          sent += built.length;
          answers.forEach((a, i) => {
            statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
            try {
              checkAnswer(built[i], a);
            } catch (err) {
              // Collected rather than thrown: one run shows every kind of failure, not the first one shrunk.
              if (failures.length < 200) failures.push((err as Error).message);
            }
          });
        }),
        {
          numRuns: RUNS[store].malformed,
          seed: process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : undefined,
        },
      );
      const distinct = [...new Set(failures.map((f) => f.split('\n')[0].slice(0, 200)))];
      assert.deepEqual(
        failures.slice(0, 12),
        [],
        `${failures.length} bad answers; kinds:\n${distinct.slice(0, 20).join('\n')}`,
      );
      assert.deepEqual(await fingerprint(app), before, 'the store is exactly as it was');
      assert.ok(sent >= RUNS[store].malformed * BATCH);
      const tally = [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}:${n}`)
        .join(' ');
      assert.ok(tally.length > 0);
      console.log(`# hostile input (${store}): ${sent} requests, statuses ${tally}`);
    });

    test('when valid filings carry odd text (RTL, zero-width, emoji, SQL metacharacters, lone surrogates), then each is stored and read back exactly, or refused with a 400; never a 5xx', async () => {
      const oddText = fc
        .array(
          fc.oneof(
            fc.constantFrom(...ODD_UNICODE),
            fc.constantFrom(...SQL_META),
            fc.string({ unit: 'grapheme', maxLength: 6 }),
            utf16Units,
          ),
          { minLength: 1, maxLength: 10 },
        )
        .map((parts) => parts.join(''));
      let stored = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(oddText, oddText, oddText, async (facts, name, orderNo) => {
          const body = complaintBody({
            merchant: { id: ctx.merchantId },
            facts: `事实经过：${facts}。商家拒绝处理。`,
            complainant: {
              name: `张${name}`.slice(0, 50),
              phone: '13812348000',
              address: `福建省厦门市${name}`,
            },
            purchase: { occurredOn: '2026-01-05', channel: 'online', orderNo: `NO${orderNo}`.slice(0, 64) },
          });
          const res = await app.api.post('/cases', body, {
            token: ctx.tokens.consumer,
            headers: { 'Idempotency-Key': randomUUID() },
          });
          assert.ok(
            res.status === 201 || res.status === 400,
            `${res.status} ${JSON.stringify(res.body).slice(0, 300)} for ${JSON.stringify([facts, name, orderNo])}`,
          );
          if (res.status === 400) {
            refused++;
            assert.equal(res.body.error.code, 'VALIDATION_FAILED');
            return;
          }
          stored++;
          const got = await app.api.get(`/cases/${res.body.id}`, { token: ctx.tokens.consumer });
          assert.equal(got.status, 200);
          assert.equal(got.body.facts, body.facts.trim());
          assert.deepEqual(got.body.complainant, {
            name: body.complainant.name.trim(),
            phone: '13812348000',
            address: body.complainant.address.trim(),
          });
          assert.equal(got.body.purchase.orderNo, body.purchase.orderNo?.trim());
        }),
        { numRuns: RUNS[store].text },
      );
      console.log(`# odd text (${store}): ${stored} stored exactly, ${refused} refused`);
    });
  });
}
