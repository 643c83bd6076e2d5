import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function staffAccountRoutes({ staff }: Services): Binding[] {
  return [
    bind(API.createStaffAccount, ({ body }) => staff.accounts.create(body)),
    bind(API.listStaffAccounts, () => staff.accounts.list()),
    bind(API.updateStaffAccount, ({ caller, params, body }) =>
      staff.accounts.update(caller, params.id, body),
    ),
  ];
}
