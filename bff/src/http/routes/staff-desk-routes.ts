import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import { sendCsv } from '../send-csv';
import type { Services } from '../../services';

export function staffDeskRoutes({ staff, store }: Services): Binding[] {
  return [
    bind(API.replyTemplates, ({ query }) => staff.templates.list(query.action)),
    bind(API.createReplyTemplate, ({ caller, body }) => staff.templates.create(caller, body)),
    bind(API.deleteReplyTemplate, ({ params }) => staff.templates.remove(params.id)),
    bind(API.staffMerchants, ({ query }) => staff.merchants.list(query)),
    bind(API.casePresence, ({ caller, params, body }) => staff.presence.beat(caller, params.id, body)),
    bind(API.districts, () => store.merchants.districts()),
    bind(API.updateMerchant, ({ params, body }) => staff.merchants.update(params.id, body)),
    bind(API.updateFaq, ({ params, body }) => staff.faq.update(params.id, body)),
    bind(API.unpublishFaq, ({ params }) => staff.faq.unpublish(params.id)),
    bind(API.audit, ({ query }) => staff.audit.list(query)),
    bind(API.exportCases, ({ caller, query }) => sendCsv('cases.csv', staff.exports.cases(caller, query))),
  ];
}
