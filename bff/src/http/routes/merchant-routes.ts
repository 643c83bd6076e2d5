import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function merchantRoutes({ store, bindings }: Services): Binding[] {
  return [
    bind(API.searchMerchants, async ({ query }) => ({
      items: await store.merchants.search(query.q, query.limit),
    })),
    bind(API.createMerchant, ({ body }) => store.merchants.create(body)),
    bind(API.rotateBindingCode, ({ params }) => bindings.rotateCode(params.id)),
    bind(API.unbindMerchantUser, ({ params }) => bindings.unbind(params.id, params.userId)),
  ];
}
