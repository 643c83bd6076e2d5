import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { OpenedUpload } from '../uploads/upload-service';

const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Streams an upload's bytes into the answer. Images may show inline; anything else (PDF) is a
 * download, so that it never runs on the API's origin; the sandbox CSP covers what a browser opens
 * anyway. A failure after the headers went out can only cut the answer short: it is logged, and the
 * process carries on.
 */
export async function sendUpload(req: Request, res: Response, upload: OpenedUpload): Promise<void> {
  res.setHeader('Content-Type', upload.mime);
  res.setHeader('Content-Length', String(upload.size));
  res.setHeader('Cache-Control', 'private, max-age=3600');
  res.setHeader('Content-Disposition', INLINE_TYPES.has(upload.mime) ? 'inline' : 'attachment');
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'");
  try {
    await pipeline(upload.stream, res);
  } catch (err) {
    // The client leaving mid-download is not our fault and needs no log line.
    if (
      req.socket.destroyed &&
      !res.writableFinished &&
      (err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE'
    )
      return;
    req.log.error({ err, uploadId: upload.id }, 'upload read failed while streaming');
  }
}
