import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../config';
import type { Db, Queryable } from '../store/db';
import { createDiskBlobStore } from './disk-blob-store';
import { createPostgresBlobStore } from './postgres-blob-store';
import { createS3BlobStore } from './s3-blob-store';

/**
 * Where upload bytes live, content-addressed by their sha256. A row in `uploads` is written only
 * after put() has resolved and, under the hash's lock, has() has confirmed the bytes (see
 * blob-sweep.ts), so a row never points at missing bytes. Bytes no row points at are removed by the
 * sweep once older than its grace period. Three implementations: the local disk (embedded store
 * only), PostgreSQL and S3-compatible storage.
 *
 * `q`, where taken, is the transaction holding the hash's lock: the PostgreSQL store writes through
 * it (on the embedded store a second connection would wait for that transaction for ever).
 */
export interface BlobStore {
  readonly kind: 'disk' | 'postgres' | 's3';
  /** stores the bytes of a finished local file under its hash (nothing to do when they are there); resolves once durable */
  put(sha256: string, file: string, size: number, q?: Queryable): Promise<void>;
  /** the bytes as a stream, or null when the store has none under this hash */
  open(sha256: string): Promise<Readable | null>;
  /** whether all the bytes of this hash are there */
  has(sha256: string, q?: Queryable): Promise<boolean>;
  /** pages of hashes with bytes (whole or partly written) last written before `cutoff`, some perhaps in use */
  stale(cutoff: Date): AsyncIterable<string[]>;
  /** removes this hash's bytes if still last written before `cutoff`; false when nothing went */
  remove(sha256: string, cutoff: Date, q?: Queryable): Promise<boolean>;
  close?(): Promise<void>;
}

/**
 * The configured store: BLOB_STORE when set, else PostgreSQL whenever the database is a server
 * (several BFFs may share it) and the local disk for the embedded store.
 */
export async function createBlobStore(config: Config, db: Db): Promise<BlobStore> {
  const kind = config.BLOB_STORE ?? (db.kind === 'postgres' ? 'postgres' : 'disk');
  if (kind === 'postgres') return createPostgresBlobStore(db);
  if (kind === 's3') {
    return createS3BlobStore({
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials:
        config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
          ? { accessKeyId: config.AWS_ACCESS_KEY_ID, secretAccessKey: config.AWS_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return createDiskBlobStore(path.join(config.DATA_DIR, 'uploads'));
}
