import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const CASE_ROUTES = {
  fileCase: {
    method: 'post',
    path: '/cases',
    summary:
      'File a complaint, report or consultation (staff file for a caller with a channel and get a claim code once)',
    roles: ['consumer', 'staff'],
    body: s.fileCaseBody,
    headers: {
      'Idempotency-Key': {
        schema: s.idempotencyKey,
        required: true,
        description: '1-128 printable ASCII characters; the same key and body answer the same case',
      },
    },
    answer: { status: 201, schema: s.caseView },
    tags: ['cases'],
  },
  listCases: {
    method: 'get',
    path: '/cases',
    summary: 'The cases the caller may see',
    roles: 'any',
    query: s.caseListQuery,
    answer: { status: 200, schema: s.caseList },
    tags: ['cases'],
  },
  getCase: {
    method: 'get',
    path: '/cases/{id}',
    summary: 'A case with its timeline, deadlines and allowed actions',
    roles: 'any',
    params: s.idParams,
    answer: { status: 200, schema: s.caseView },
    tags: ['cases'],
  },
  actOnCase: {
    method: 'post',
    path: '/cases/{id}/actions',
    summary: 'Apply an action to a case',
    roles: 'any',
    params: s.idParams,
    body: s.caseAction,
    answer: { status: 200, schema: s.caseView },
    tags: ['cases'],
  },
  claimCase: {
    method: 'post',
    path: '/cases/claim',
    summary:
      'Claim a case staff filed for you, with its number and claim code (a wrong pair is 404; 5 wrong tries an hour, then 429)',
    roles: ['consumer'],
    body: s.claimCaseBody,
    answer: { status: 200, schema: s.caseView },
    tags: ['cases'],
  },
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
