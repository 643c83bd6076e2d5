import { API } from '@weiquan/shared';
import { wechatUser } from '../../auth/caller';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function meRoutes({ store, auth, phone }: Services): Binding[] {
  return [
    bind(API.me, async ({ caller }) => ({
      user: await auth.sessionUser(caller),
      profile: caller.role === 'staff' ? null : await store.users.profileOf(caller.id),
      verifiedPhone: caller.role === 'staff' ? null : await phone.verifiedPhoneOf(caller.id),
    })),
    bind(API.savePhone, ({ caller, body }) =>
      phone.verify(wechatUser(caller, 'WeChat phone number').id, body.code),
    ),
    bind(API.saveProfile, async ({ caller, body: profile }) => {
      await store.users.saveProfile(wechatUser(caller, 'real-name profile').id, profile);
      return { user: await auth.sessionUser(caller), profile };
    }),
  ];
}
