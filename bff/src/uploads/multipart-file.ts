import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_UPLOAD_BYTES } from '@weiquan/shared';
import { AppError } from '../errors';

/** A body that sends nothing for this long is given up, like one whose client went away. */
const IDLE_MS = 30_000;

const malformed = (message: string) =>
  new AppError('VALIDATION_FAILED', 'Invalid request', [{ path: 'file', message }]);

/**
 * Streams the multipart field `file` into `target`, hashing it on the way. Resolves only once the
 * file is written and closed; rejects, with the parser, the file handle and the body all released,
 * when the body is malformed, too large, stops arriving for IDLE_MS, or its client goes away.
 */
export async function receiveMultipartFile(
  headers: IncomingHttpHeaders,
  body: Readable & { complete?: boolean },
  target: string,
): Promise<{ sha256: string; size: number }> {
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
    throw malformed('malformed multipart body');
  }
  let written: Promise<{ sha256: string; size: number; tooLarge: boolean }> | undefined;
  let idle: NodeJS.Timeout | undefined;
  const giveUp = (why: string) => bb.destroy(Object.assign(malformed(why), { aborted: true }));
  const onClose = () => {
    if (!body.complete) giveUp('the upload was interrupted');
  };
  const onData = () => idle?.refresh();
  const onError = () => giveUp('the upload was interrupted');
  try {
    const parsed = new Promise<void>((resolve, reject) => {
      bb.on('file', (name, stream) => {
        if (name !== 'file' || written) return void stream.resume();
        const hash = createHash('sha256');
        let size = 0;
        let tooLarge = false;
        stream.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          size += chunk.length;
        });
        stream.on('limit', () => (tooLarge = true));
        written = pipeline(stream, createWriteStream(target)).then(() => ({
          sha256: hash.digest('hex'),
          size,
          tooLarge,
        }));
        // Awaited below; marked handled so that a failure before then is not an unhandled rejection.
        written.catch(() => {});
      });
      bb.on('close', resolve);
      bb.on('error', (err) => reject(err instanceof AppError ? err : malformed('malformed multipart body')));
    });
    idle = setTimeout(() => giveUp('the upload stalled'), IDLE_MS);
    body.on('data', onData);
    body.once('close', onClose);
    // Kept after the upload: a body that fails later must still have a listener.
    body.on('error', onError);
    body.pipe(bb);
    await parsed;
    if (!written) throw malformed('a file field named "file" is required');
    const got = await written;
    if (got.tooLarge)
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `An upload may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
      );
    if (got.size === 0) throw malformed('the file is empty');
    return { sha256: got.sha256, size: got.size };
  } catch (err) {
    body.unpipe(bb);
    bb.destroy();
    // The temp file may still be open (or not yet created): wait for its stream to close first.
    await written?.catch(() => {});
    throw err;
  } finally {
    clearTimeout(idle);
    body.off('data', onData);
    body.off('close', onClose);
  }
}
