import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

/** Staff work over many cases at once: kept out of the case area, which the mini-program imports. */
export const STAFF_CASE_ROUTES = {
  bulkCaseAction: {
    method: 'post',
    path: '/staff/cases/bulk',
    summary: 'One case action on up to 100 cases, each changed alone (one result per case)',
    roles: ['staff'],
    body: s.bulkBody,
    answer: { status: 200, schema: s.bulkAnswer },
    tags: ['staff', 'cases'],
  },
  staffQueues: {
    method: 'get',
    path: '/staff/queues',
    summary: 'Open cases in each staff queue (each count equals its list: QUEUE_FILTERS)',
    roles: ['staff'],
    answer: { status: 200, schema: s.queuesAnswer },
    tags: ['staff', 'cases'],
  },
} as const satisfies Record<string, ApiRoute>;
