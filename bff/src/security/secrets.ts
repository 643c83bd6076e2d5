import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';

export interface Secrets {
  /** built once: a string secret would cost ~50x per verify (stack notes) */
  jwtKey: KeyObject;
  piiKey: Buffer;
}

/**
 * Secrets come from the environment; in development, missing ones are generated once and kept in
 * DATA_DIR/secrets.json so that tokens and sealed data survive restarts.
 */
export async function loadSecrets(config: Config): Promise<Secrets> {
  let stored: { jwtSecret?: string; piiKey?: string } = {};
  const file = path.join(config.DATA_DIR, 'secrets.json');
  if (!config.JWT_SECRET || !config.PII_KEY) {
    await mkdir(config.DATA_DIR, { recursive: true });
    stored = await readFile(file, 'utf8').then(JSON.parse, () => ({}));
    let changed = false;
    if (!config.JWT_SECRET && !stored.jwtSecret) {
      stored.jwtSecret = randomBytes(48).toString('base64url');
      changed = true;
    }
    if (!config.PII_KEY && !stored.piiKey) {
      stored.piiKey = randomBytes(32).toString('base64');
      changed = true;
    }
    if (changed) {
      await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
      await chmod(file, 0o600);
    }
  }
  const jwtSecret = config.JWT_SECRET ?? stored.jwtSecret!;
  const piiKey = Buffer.from(config.PII_KEY ?? stored.piiKey!, 'base64');
  return { jwtKey: createSecretKey(Buffer.from(jwtSecret, 'utf8')), piiKey };
}
