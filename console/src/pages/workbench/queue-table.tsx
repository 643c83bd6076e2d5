import { Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { zh } from '../../i18n/zh-Hans';
import { deadlineTone, TONE_COLOR, TONE_ROW_CLASS } from '../../lib/deadline-tone';
import { categoryLabel, formatTime, statusLabel } from '../../lib/labels';
import type { CaseListItem as QueueItem } from '@weiquan/shared';

export type SortKey = 'due' | 'created' | 'updated';

export interface QueueTableProps {
  items: QueueItem[];
  loading: boolean;
  sort: SortKey;
  onSort(sort: SortKey): void;
  /** multi-select for bulk actions; absent: no checkboxes */
  selected?: string[];
  onSelect?(ids: string[]): void;
}

const SORT_OF_COLUMN: Record<string, SortKey> = {
  deadline: 'due',
  createdAt: 'created',
  updatedAt: 'updated',
};

/** The queue as a table: each row coloured by its soonest deadline, sortable, multi-select. */
export function QueueTable({ items, loading, sort, onSort, selected, onSelect }: QueueTableProps) {
  const sortOrder = (key: SortKey) => (sort === key ? (key === 'due' ? 'ascend' : 'descend') : null);
  const columns: ColumnsType<QueueItem> = [
    {
      title: zh.workbench.caseNo,
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 190,
      render: (caseNo: string, row) => (
        <Link to={`/cases/${row.id}`} data-testid="case-link" style={{ whiteSpace: 'nowrap' }}>
          {caseNo}
        </Link>
      ),
    },
    { title: zh.workbench.kind, dataIndex: 'kind', key: 'kind', render: (k: string) => zh.kinds[k] ?? k },
    {
      title: zh.workbench.status,
      dataIndex: 'status',
      key: 'status',
      render: (s: string) => <Tag>{statusLabel(s)}</Tag>,
    },
    {
      title: zh.workbench.merchant,
      key: 'merchant',
      render: (_, row) => row.merchant?.name ?? '—',
      ellipsis: true,
    },
    { title: zh.workbench.category, dataIndex: 'category', key: 'category', render: categoryLabel },
    {
      title: zh.workbench.channel,
      dataIndex: 'channel',
      key: 'channel',
      render: (ch?: string) => (ch ? (zh.channels[ch] ?? ch) : '—'),
    },
    {
      title: zh.workbench.assignee,
      key: 'assignee',
      render: (_, row) =>
        row.assignee ? (
          row.assignee.displayName
        ) : (
          <Typography.Text type="secondary">{zh.workbench.unassigned}</Typography.Text>
        ),
    },
    {
      title: zh.workbench.deadline,
      key: 'deadline',
      sorter: true,
      sortOrder: sortOrder('due'),
      sortDirections: ['ascend'],
      render: (_, row) => {
        const d = row.nextDeadline;
        if (!d) return '—';
        const tone = deadlineTone(d.workingDaysLeft);
        return (
          <span>
            <Tag color={tone ? TONE_COLOR[tone] : 'blue'}>{zh.deadline.daysLeft(d.workingDaysLeft)}</Tag>
            <Typography.Text type="secondary">{zh.deadlineKinds[d.kind] ?? d.kind}</Typography.Text>
          </span>
        );
      },
    },
    {
      title: zh.workbench.createdAt,
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrder('created'),
      sortDirections: ['descend'],
      render: formatTime,
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrder('updated'),
      sortDirections: ['descend'],
      render: formatTime,
    },
  ];
  return (
    <Table<QueueItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      rowClassName={(row) => {
        const tone = deadlineTone(row.nextDeadline?.workingDaysLeft);
        return tone ? TONE_ROW_CLASS[tone] : '';
      }}
      onRow={(row) =>
        ({ 'data-testid': 'queue-row', 'data-case-no': row.caseNo }) as React.HTMLAttributes<HTMLElement>
      }
      rowSelection={
        onSelect && {
          selectedRowKeys: selected,
          onChange: (keys) => onSelect(keys.map(String)),
          getCheckboxProps: (row) => ({ 'aria-label': `选择 ${row.caseNo}` }) as never,
        }
      }
      onChange={(_p, _f, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<QueueItem>;
        const key = SORT_OF_COLUMN[String(s.columnKey)];
        onSort(s.order && key ? key : 'created');
      }}
    />
  );
}
