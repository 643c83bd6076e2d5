import type { CaseAction } from '@weiquan/shared';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { zh } from '../../i18n/zh-Hans';
import { canSupervise, useSession } from '../../session/use-session';
import type { StaffOption } from '../case/action-form';

/** Bulk actions on the selected rows: claim, accept, and (supervisors) assign. */
export function BulkBar({
  selected,
  staff,
  onAction,
}: {
  selected: number;
  staff: StaffOption[];
  onAction(action: CaseAction): void;
}) {
  const session = useSession();
  const [assignee, setAssignee] = useState<string>();
  const none = selected === 0;
  return (
    <Space wrap aria-label="批量操作" role="group">
      <Typography.Text>{zh.workbench.selected(selected)}</Typography.Text>
      <Button disabled={none} onClick={() => onAction({ type: 'claim' })} data-bulk="claim">
        {zh.workbench.bulkClaim}
      </Button>
      <Button disabled={none} onClick={() => onAction({ type: 'accept' })} data-bulk="accept">
        {zh.workbench.bulkAccept}
      </Button>
      {canSupervise(session) && (
        <>
          <Select
            aria-label={zh.workbench.assignTo}
            placeholder={zh.workbench.assignTo}
            value={assignee}
            onChange={setAssignee}
            options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
            style={{ width: 180 }}
            showSearch
            optionFilterProp="label"
            data-testid="bulk-assignee"
          />
          <Button
            disabled={none || !assignee}
            onClick={() => assignee && onAction({ type: 'assign', staffId: assignee })}
            data-bulk="assign"
          >
            {zh.workbench.bulkAssign}
          </Button>
        </>
      )}
    </Space>
  );
}
