#!/usr/bin/env node
// `npm start`: builds the H5 app once if it is missing, then runs the BFF, which serves it at
// http://localhost:3000/ beside the API, with the embedded store and the WeChat emulator.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const h5 = path.join(root, 'miniapp/dist/h5/index.html');
if (!existsSync(h5) && !process.env.H5_DIR) {
  console.log('Building the H5 app (first start only; `npm run build:h5` rebuilds it)...');
  const build = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0)
    console.error('The H5 build failed; the API still starts. Run `npm run build:h5` to see why.');
}
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bff/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
