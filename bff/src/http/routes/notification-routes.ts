import { API } from '@weiquan/shared';
import { wechatUser } from '../../auth/caller';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function notificationRoutes({ grants, inbox, templates, now }: Services): Binding[] {
  return [
    bind(API.saveSubscriptions, ({ caller, body }) =>
      grants.record(wechatUser(caller, 'subscribe messages').id, body.results, templates, now()),
    ),
    bind(API.inbox, ({ caller, query }) => inbox.list(caller, query)),
    bind(API.markRead, ({ caller, body }) => inbox.markRead(caller, body)),
  ];
}
