/**
 * The first load of the H5 build on a slow phone, measured (a benchmark, printed; see
 * docs/benchmarks.md): Chromium through CDP at 150 ms latency, 1.6 Mbit/s down, 4x CPU slowdown,
 * cache disabled. It prints bytes over the wire, first contentful paint and when 我要投诉 shows,
 * once as served (precompressed) and once with compression refused, for comparison. What it
 * asserts is the serving, not the timing: scripts and styles arrive brotli-encoded.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildIfNeeded, launchChromium, startBff, type Bff } from './harness';

const SLOW = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const CPU_SLOWDOWN = 4;

let bff: Bff;
let chromium: { browser: Browser; stop(): Promise<void> };

before(async () => {
  buildIfNeeded('h5');
  bff = await startBff();
  chromium = await launchChromium();
});

after(async () => {
  await chromium?.stop();
  await bff?.stop();
});

interface Load {
  bytes: number;
  requests: number;
  encodings: Record<string, string>;
  fcpMs: number;
  fileEntryMs: number;
}

async function firstLoad(acceptEncoding?: string): Promise<Load> {
  const context = await chromium.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (acceptEncoding)
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
  let bytes = 0;
  let requests = 0;
  const urls = new Map<string, string>();
  const encodings: Record<string, string> = {};
  cdp.on('Network.responseReceived', (e) => {
    urls.set(e.requestId, e.response.url);
    const enc = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    encodings[new URL(e.response.url).pathname] = enc ? String(enc[1]) : 'none';
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  await page.goto(`${bff.base}/#/pages/home/index`, { waitUntil: 'commit' });
  const fileEntryMs = await page.waitForFunction(
    () => {
      const el = [...document.querySelectorAll('#entry-file')].find(
        (n) => (n as HTMLElement).offsetParent !== null && n.textContent?.includes('我要投诉'),
      );
      return el ? performance.now() : 0;
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  const shown = (await fileEntryMs.jsonValue()) as number;
  // let the first screen's own requests (figures, feed) finish before counting bytes
  await page.waitForLoadState('networkidle');
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
  );
  await context.close();
  return { bytes, requests, encodings, fcpMs, fileEntryMs: shown };
}

test(
  'when the H5 build first loads on a slow phone network, then it prints bytes, FCP and 我要投诉 time, with scripts and styles sent brotli-encoded',
  { timeout: 300_000 },
  async () => {
    const served = await firstLoad();
    const plain = await firstLoad('identity');
    const assets = Object.entries(served.encodings).filter(([p]) => /\.(js|css)$/.test(p));
    assert.ok(assets.length > 0, 'the first load fetched scripts and styles');
    for (const [p, enc] of assets) assert.equal(enc, 'br', `${p} is sent brotli-encoded`);
    for (const [name, r] of [
      ['precompressed', served],
      ['uncompressed', plain],
    ] as const)
      console.log(
        `FIRST-LOAD ${name}: ${(r.bytes / 1024).toFixed(1)} KB in ${r.requests} requests, ` +
          `FCP ${Math.round(r.fcpMs)} ms, 我要投诉 visible ${Math.round(r.fileEntryMs)} ms ` +
          `(150 ms RTT, 1.6 Mbit/s, CPU x${CPU_SLOWDOWN})`,
      );
    assert.ok(served.bytes < plain.bytes, 'compression shrinks the first load');
  },
);
