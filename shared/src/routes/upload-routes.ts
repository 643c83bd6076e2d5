import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const UPLOAD_ROUTES = {
  upload: {
    method: 'post',
    path: '/uploads',
    summary: 'Upload evidence (jpeg, png, webp, pdf; 10 MB)',
    roles: 'any',
    multipart: true,
    answer: { status: 201, schema: s.uploadAnswer },
    tags: ['uploads'],
  },
  readUpload: {
    method: 'get',
    path: '/uploads/{id}',
    summary: 'The bytes of an upload',
    roles: 'any',
    params: s.idParams,
    answer: { status: 200, binary: true, cacheControl: 'private, max-age=3600' },
    tags: ['uploads'],
  },
} as const satisfies Record<string, ApiRoute>;
