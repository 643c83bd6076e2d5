/** Staff accounts (issue 14): admins manage them; every staff member may list them. */
import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const STAFF_ACCOUNT_ROUTES = {
  createStaffAccount: {
    method: 'post',
    path: '/staff/accounts',
    summary: 'Create a staff account (handler, supervisor or admin)',
    roles: ['staff'],
    staffRoles: ['admin'],
    body: s.createStaffAccountBody,
    answer: { status: 201, schema: s.staffAccount },
    tags: ['staff'],
  },
  listStaffAccounts: {
    method: 'get',
    path: '/staff/accounts',
    summary: 'Every staff account',
    roles: ['staff'],
    answer: { status: 200, schema: s.staffAccountList },
    tags: ['staff'],
  },
  updateStaffAccount: {
    method: 'put',
    path: '/staff/accounts/{id}',
    summary:
      'Change a staff account: name, role, active, password (an admin cannot demote or deactivate themself)',
    roles: ['staff'],
    staffRoles: ['admin'],
    params: s.idParams,
    body: s.updateStaffAccountBody,
    answer: { status: 200, schema: s.staffAccount },
    tags: ['staff'],
  },
} as const satisfies Record<string, ApiRoute>;
