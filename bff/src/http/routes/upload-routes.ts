import { API } from '@weiquan/shared';
import type { RateLimits } from '../middleware/rate-limits';
import { bind, type Binding } from '../route-adapter';
import { sendUpload } from '../send-upload';
import type { Services } from '../../services';

export function uploadRoutes({ uploads }: Services, limits: RateLimits): Binding[] {
  return [
    bind(API.upload, ({ caller, req }) => uploads.receive(caller, req.headers, req), {
      before: [limits.uploads],
    }),
    bind(API.readUpload, async ({ caller, params }) => {
      const upload = await uploads.open(caller, params.id);
      return (req, res) => sendUpload(req, res, upload);
    }),
  ];
}
