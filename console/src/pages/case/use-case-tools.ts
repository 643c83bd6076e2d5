import type { ActionType } from '@weiquan/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { StaffOption, TemplateOption } from './action-form';

const loadTemplates = (action: ActionType): Promise<TemplateOption[]> =>
  api.templates(action).then((list) => list.items);

/** Reply templates and the active staff (for assign) beside the action forms. */
export function useCaseTools(): { loadTemplates: typeof loadTemplates; staff: StaffOption[] } {
  const staff = useActiveStaff();
  return { loadTemplates, staff };
}

export function useActiveStaff(): StaffOption[] {
  const [staff, setStaff] = useState<StaffOption[]>([]);
  useEffect(() => {
    api.staffAccounts().then(
      (list) => setStaff(list.items.filter((a) => a.active)),
      () => setStaff([]),
    );
  }, []);
  return staff;
}
