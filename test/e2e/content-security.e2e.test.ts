/**
 * The H5 app runs under the BFF's Content-Security-Policy without 'unsafe-inline' for scripts: the
 * one inline script Taro writes into index.html (root font size) is allowed by its hash, and nothing
 * else inline may run. Checked in a real Chromium, which enforces the header.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildIfNeeded, launchChromium, startBff, type Bff } from './harness';

let bff: Bff;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
before(async () => {
  buildIfNeeded('h5');
  bff = await startBff();
  chromium = await launchChromium();
});
after(async () => {
  await chromium?.stop();
  await bff?.stop();
});

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1) ?? [];

test('when the H5 app loads, then its scripts run under a CSP without unsafe-inline and Chromium reports no violation', async () => {
  const res = await fetch(`${bff.base}/`);
  assert.equal(res.status, 200);
  const csp = res.headers.get('content-security-policy') ?? '';
  const scripts = directive(csp, 'script-src');
  assert.ok(scripts.length, `a script-src directive: ${csp}`);
  assert.ok(!scripts.includes("'unsafe-inline'"), `script-src ${scripts.join(' ')}`);
  assert.ok(
    scripts.some((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)),
    `the inline script is allowed by its hash: ${scripts.join(' ')}`,
  );

  const context = await chromium.browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
      ),
    );
  });
  await page.goto(`${bff.base}/#/pages/home/index`);
  await page.locator('[data-testid="feed"]').first().waitFor({ state: 'visible', timeout: 60_000 });
  const fontSize = await page.evaluate(() => document.documentElement.style.fontSize);
  assert.match(fontSize, /px$/, "Taro's inline root-font-size script ran");
  assert.deepEqual(
    // zod 4 probes once whether `new Function` is allowed (caught; it then parses without JIT): the
    // CSP never allowed eval, with or without 'unsafe-inline'.
    violations.filter((v) => !/^script-src eval /.test(v)),
    [],
    'no violation while the app loads',
  );
  // An inline script injected after load is refused: the hash admits Taro's script only.
  const injected = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.appendChild(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  assert.equal(injected, false, 'an injected inline script does not run');
  await page.waitForFunction(() => true);
  assert.ok(
    violations.some((v) => /^script-src(-elem)? inline /.test(v)),
    `the injected script is reported as a violation: ${JSON.stringify(violations)}`,
  );
  await context.close();
});
