/** Streams one multipart `file` to storage, hashing it on the way, and keeps it only if its bytes are an allowed type. */
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';
import { MAX_UPLOAD_BYTES, UPLOAD_MIME_TYPES, type UploadAnswer } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError } from '../errors';
import type { UploadStore } from '../store/upload-store';
import type { BlobStorage } from './blob-storage';

async function sniff(file: string): Promise<string | undefined> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(4100);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return (await fileTypeFromBuffer(head.subarray(0, bytesRead)))?.mime;
  } finally {
    await fh.close();
  }
}

export function createUploadService(storage: BlobStorage, uploads: UploadStore) {
  return {
    async receive(caller: Caller, headers: IncomingHttpHeaders, body: Readable): Promise<UploadAnswer> {
      if (!headers['content-type']?.startsWith('multipart/form-data')) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the file as multipart/form-data in a field named "file"',
        );
      }
      let bb: busboy.Busboy;
      try {
        // busboy signals 'limit' on reaching fileSize, not on passing it: +1 so that exactly 10 MB is accepted.
        bb = busboy({ headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 5, parts: 6 } });
      } catch {
        throw new AppError('VALIDATION_FAILED', 'Invalid request', [
          { path: 'file', message: 'malformed multipart body' },
        ]);
      }
      const temp = storage.tempPath();
      const received = new Promise<{ sha256: string; size: number; tooLarge: boolean } | null>(
        (resolve, reject) => {
          let file: Promise<{ sha256: string; size: number; tooLarge: boolean }> | null = null;
          bb.on('file', (name, stream) => {
            if (name !== 'file' || file) return void stream.resume();
            const hash = createHash('sha256');
            let size = 0;
            let tooLarge = false;
            stream.on('data', (chunk: Buffer) => {
              hash.update(chunk);
              size += chunk.length;
            });
            stream.on('limit', () => (tooLarge = true));
            file = pipeline(stream, createWriteStream(temp)).then(() => ({
              sha256: hash.digest('hex'),
              size,
              tooLarge,
            }));
          });
          bb.on('close', () => (file ? file.then(resolve, reject) : resolve(null)));
          bb.on('error', () =>
            reject(
              new AppError('VALIDATION_FAILED', 'Invalid request', [
                { path: 'file', message: 'malformed multipart body' },
              ]),
            ),
          );
        },
      );
      body.pipe(bb);
      try {
        const got = await received;
        if (!got)
          throw new AppError('VALIDATION_FAILED', 'Invalid request', [
            { path: 'file', message: 'a file field named "file" is required' },
          ]);
        if (got.tooLarge)
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `An upload may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
          );
        if (got.size === 0)
          throw new AppError('VALIDATION_FAILED', 'Invalid request', [
            { path: 'file', message: 'the file is empty' },
          ]);
        // The declared type and file name are ignored: only the bytes decide.
        const mime = await sniff(temp);
        if (!mime || !(UPLOAD_MIME_TYPES as readonly string[]).includes(mime)) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Only JPEG, PNG and WebP images and PDF documents are accepted',
          );
        }
        await storage.commit(temp, got.sha256);
        const row = await uploads.create(caller.id, { sha256: got.sha256, mime, size: got.size });
        return { id: row.id, mime: row.mime as UploadAnswer['mime'], size: row.size, sha256: row.sha256 };
      } finally {
        await rm(temp, { force: true });
      }
    },
  };
}
export type UploadService = ReturnType<typeof createUploadService>;
