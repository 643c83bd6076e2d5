import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../config';
import type { Db } from '../store/db';
import { createDiskBlobStore } from './disk-blob-store';
import { createPostgresBlobStore } from './postgres-blob-store';
import { createS3BlobStore } from './s3-blob-store';

/**
 * Where upload bytes live, content-addressed by their sha256. A row in `uploads` is written only
 * after put() has resolved, and bytes are never removed, so a row never points at missing bytes.
 * Three implementations: the local disk (embedded store only), PostgreSQL and S3-compatible storage.
 */
export interface BlobStore {
  readonly kind: 'disk' | 'postgres' | 's3';
  /** stores the bytes of a finished local file under its hash (nothing to do when they are there); resolves once durable */
  put(sha256: string, file: string, size: number): Promise<void>;
  /** the bytes as a stream, or null when the store has none under this hash */
  open(sha256: string): Promise<Readable | null>;
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
