import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function moderationRoutes({ moderation }: Services): Binding[] {
  return [
    bind(API.moderationList, ({ query }) => moderation.list(query)),
    bind(API.redactModerated, ({ caller, params, body }) =>
      moderation.redact(caller, params.id, body.reason),
    ),
    bind(API.releaseModerated, ({ caller, params }) => moderation.release(caller, params.id)),
  ];
}
