#!/usr/bin/env node
// `npm start`: builds the H5 app and the staff console once if they are missing, then runs the BFF,
// which serves the H5 app at http://localhost:3000/ and the console at /console/ beside the API,
// with the embedded store and the WeChat emulator.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const builds = [
  { name: 'H5 app', marker: 'miniapp/dist/h5/index.html', script: 'build:h5', override: 'H5_DIR' },
  {
    name: 'staff console',
    marker: 'console/dist/index.html',
    script: 'build:console',
    override: 'CONSOLE_DIR',
  },
];
for (const b of builds) {
  if (existsSync(path.join(root, b.marker)) || process.env[b.override]) continue;
  console.log(`Building the ${b.name} (first start only; \`npm run ${b.script}\` rebuilds it)...`);
  const build = spawnSync('npm', ['run', b.script], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0)
    console.error(
      `The ${b.name} build failed; the API still starts. Run \`npm run ${b.script}\` to see why.`,
    );
}
const port = process.env.PORT ?? '3000';
if (port !== '0') {
  console.log(`Mini-program (H5): http://localhost:${port}/`);
  console.log(`Staff console:     http://localhost:${port}/console/`);
}
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bff/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
