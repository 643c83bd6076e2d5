import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { BlobStore } from './blob-store';

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  /** an S3-compatible service's URL (MinIO, Ceph, a cloud's object storage); unset = AWS */
  endpoint?: string;
  forcePathStyle: boolean;
  /** unset = the SDK's usual chain (AWS_* variables, instance roles) */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const notFound = (err: unknown) =>
  err instanceof S3ServiceException &&
  (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404);

/** Only the store's own objects: `<2 hex>/<sha256>` (a shared bucket may hold others). */
const HASH_KEY = /^([0-9a-f]{2})\/\1[0-9a-f]{62}$/;

/** Bytes in S3-compatible object storage (BLOB_STORE=s3), one object per hash under `<2 hex>/<sha256>`. */
export function createS3BlobStore(opts: S3BlobStoreOptions): BlobStore {
  const client = new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle,
    credentials: opts.credentials,
    // Checksums only where S3 requires them: many S3-compatible servers refuse the SDK's default
    // aws-chunked trailers. The content hash is checked by the key itself.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (sha: string) => `${sha.slice(0, 2)}/${sha}`;
  /** the object's last write, or null when there is none */
  const head = (sha256: string) =>
    client.send(new HeadObjectCommand({ Bucket: opts.bucket, Key: key(sha256) })).then(
      (got) => got.LastModified ?? new Date(0),
      (err: unknown) => {
        if (notFound(err)) return null;
        throw err;
      },
    );
  return {
    kind: 's3',
    async put(sha256, file, size) {
      if (await head(sha256)) return;
      await client.send(
        new PutObjectCommand({
          Bucket: opts.bucket,
          Key: key(sha256),
          Body: createReadStream(file),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
    },
    async open(sha256) {
      try {
        const got = await client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: key(sha256) }));
        return (got.Body as Readable | undefined) ?? null;
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    has: async (sha256) => (await head(sha256)) !== null,
    async *stale(cutoff) {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: opts.bucket, ContinuationToken: token }),
        );
        const hashes = (page.Contents ?? [])
          .filter((o) => o.Key && HASH_KEY.test(o.Key) && o.LastModified && o.LastModified < cutoff)
          .map((o) => o.Key!.slice(3));
        if (hashes.length) yield hashes;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    async remove(sha256, cutoff) {
      // Asked again right before: the listing may be minutes old, and a put since has made it fresh.
      const written = await head(sha256);
      if (!written || written >= cutoff) return false;
      await client.send(new DeleteObjectCommand({ Bucket: opts.bucket, Key: key(sha256) }));
      return true;
    },
    async close() {
      client.destroy();
    },
  };
}
