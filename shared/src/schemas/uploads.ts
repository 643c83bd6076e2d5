import { z } from 'zod';

export const UPLOAD_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const uploadAnswer = z.object({
  id: z.string(),
  mime: z.enum(UPLOAD_MIME_TYPES),
  size: z.number().int(),
  sha256: z.string(),
});
export type UploadAnswer = z.infer<typeof uploadAnswer>;
