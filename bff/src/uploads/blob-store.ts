import type { Readable } from 'node:stream';

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
