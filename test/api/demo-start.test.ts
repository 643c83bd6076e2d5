/**
 * `npm start` in development prints the demo merchants' binding codes on every start, not only the
 * first: a restart issues each demo merchant a new code (only hashes are stored), and shops bound
 * before stay bound. The real BFF process, started twice on one DATA_DIR.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startBffProcess } from '../support/bff-process';

const CODE_LINE = /^\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\s+(.+?)(\s+\[ODR\])?\s*$/;

function printedCodes(lines: string[]): Map<string, string> {
  const codes = new Map<string, string>();
  for (const line of lines) {
    const m = CODE_LINE.exec(line);
    if (m) codes.set(m[2].trim(), m[1]);
  }
  return codes;
}

async function startDemo(dataDir: string) {
  const env = { NODE_ENV: 'development', DEMO_SEED: 'on', DATA_DIR: dataDir };
  // the first start migrates a new embedded store and seeds it: slow on a busy machine
  const bff = await startBffProcess(env, 120_000);
  return { bff, codes: printedCodes(bff.lines) };
}

async function bind(baseUrl: string, user: string, bindingCode: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: `dev:${user}` }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return fetch(`${baseUrl}/api/v1/merchant/bind`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ bindingCode }),
  });
}

describe('demo binding codes at start', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'weiquan-demo-start-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('when the BFF starts again on the same store in development, then it prints a working code for every demo merchant, the old codes no longer bind and bound shops stay bound', async () => {
    const first = await startDemo(dataDir);
    const shop = '厦门鹭岛电器城';
    let oldCode: string;
    try {
      assert.equal(first.codes.size, 6, first.bff.lines.join('\n'));
      oldCode = first.codes.get(shop)!;
      assert.equal((await bind(first.bff.baseUrl, 'shop-owner', oldCode)).status, 200);
    } finally {
      await first.bff.kill();
    }

    const second = await startDemo(dataDir);
    try {
      assert.deepEqual([...second.codes.keys()].sort(), [...first.codes.keys()].sort());
      const newCode = second.codes.get(shop)!;
      assert.notEqual(newCode, oldCode);
      assert.ok(
        second.bff.lines.some((l) => l.includes('new at this start')),
        'the printout says the codes are new',
      );
      assert.equal((await bind(second.bff.baseUrl, 'late-colleague', oldCode)).status, 400);
      assert.equal((await bind(second.bff.baseUrl, 'late-colleague', newCode)).status, 200);
      // rebinding the owner to the merchant it is bound to answers merchant tokens: it stayed bound
      const again = await bind(second.bff.baseUrl, 'shop-owner', newCode);
      assert.equal(again.status, 200);
    } finally {
      await second.bff.kill();
    }
  });
});
