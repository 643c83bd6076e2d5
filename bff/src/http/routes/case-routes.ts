import { API } from '@weiquan/shared';
import type { RateLimits } from '../middleware/rate-limits';
import { bind, JsonText, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function caseRoutes({ store }: Services, limits: RateLimits): Binding[] {
  return [
    bind(
      API.fileCase,
      async ({ caller, headers, body }) =>
        (await store.cases.file(caller, headers['Idempotency-Key'], body)).view,
      { before: [limits.filing] },
    ),
    bind(API.listCases, async ({ caller, query }) => new JsonText(await store.cases.listJson(caller, query))),
    bind(API.getCase, ({ caller, params }) => store.cases.get(caller, params.id)),
    bind(API.actOnCase, ({ caller, params, body }) => store.cases.act(caller, params.id, body), {
      before: [limits.actions],
    }),
    bind(API.claimCase, ({ caller, body }) => store.cases.claim(caller, body), { before: [limits.actions] }),
    bind(API.bulkCaseAction, ({ caller, body }) => store.cases.bulk(caller, body), {
      before: [limits.actions],
    }),
    bind(API.staffQueues, ({ caller }) => store.cases.queues(caller)),
  ];
}
