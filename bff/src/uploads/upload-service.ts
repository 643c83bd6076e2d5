/** Streams one multipart `file` to storage, hashing it on the way, and keeps it only if its bytes are an allowed type. */
import { open, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { UPLOAD_MIME_TYPES, type UploadAnswer } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { AppError, notFound } from '../errors';
import type { UploadStore } from '../store/upload-store';
import type { BlobStore } from './blob-store';
import { ensureBytes } from './blob-sweep';
import { receiveMultipartFile } from './multipart-file';
import type { UploadTempFiles } from './upload-temp-files';

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

export interface OpenedUpload {
  id: string;
  mime: string;
  size: number;
  stream: Readable;
}

export function createUploadService(blobs: BlobStore, uploads: UploadStore, temp: UploadTempFiles) {
  return {
    async receive(caller: Caller, headers: IncomingHttpHeaders, body: Readable): Promise<UploadAnswer> {
      const file = temp.next();
      try {
        const got = await receiveMultipartFile(headers, body, file);
        // The declared type and file name are ignored: only the bytes decide.
        const mime = await sniff(file);
        if (!mime || !(UPLOAD_MIME_TYPES as readonly string[]).includes(mime)) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Only JPEG, PNG and WebP images and PDF documents are accepted',
          );
        }
        // The bytes first, the row after (checked under the hash's lock against the orphan sweep):
        // a row never points at bytes the store does not have.
        await blobs.put(got.sha256, file, got.size);
        const row = await uploads.create(
          caller.id,
          { sha256: got.sha256, mime, size: got.size },
          ensureBytes(blobs, got.sha256, file, got.size),
        );
        return { id: row.id, mime: row.mime as UploadAnswer['mime'], size: row.size, sha256: row.sha256 };
      } finally {
        await rm(file, { force: true });
      }
    },

    /**
     * The upload's bytes if this caller may read it (else 404). Bytes missing under a row are the
     * store's fault, not the caller's: a 500 (and an error in the log), never a crash.
     */
    async open(caller: Caller, id: string): Promise<OpenedUpload> {
      const row = await uploads.findReadable(caller, id);
      if (!row) throw notFound('Upload not found');
      const stream = await blobs.open(row.sha256);
      if (!stream) {
        throw Object.assign(new AppError('INTERNAL', 'The file of this upload cannot be read'), {
          cause: { uploadId: row.id, sha256: row.sha256, blobStore: blobs.kind, problem: 'bytes missing' },
        });
      }
      return { id: row.id, mime: row.mime, size: row.size, stream };
    },
  };
}
export type UploadService = ReturnType<typeof createUploadService>;
