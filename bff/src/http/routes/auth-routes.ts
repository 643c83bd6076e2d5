import { API } from '@weiquan/shared';
import type { RateLimits } from '../middleware/rate-limits';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function authRoutes({ auth }: Services, limits: RateLimits): Binding[] {
  return [
    bind(API.loginWechat, ({ body }) => auth.loginWechat(body.code, body.as), {
      before: [limits.wechatLogin],
    }),
    bind(API.refreshToken, ({ body }) => auth.refresh(body.refreshToken), { before: [limits.wechatLogin] }),
    bind(API.loginStaff, ({ body }) => auth.loginStaff(body.username, body.password), {
      before: [limits.staffLogin],
    }),
    bind(API.bindMerchant, ({ caller, body }) => auth.bindMerchant(caller, body.bindingCode), {
      before: [limits.actions],
    }),
  ];
}
