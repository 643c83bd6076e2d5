import type { CaseStatus } from '@weiquan/shared';
import { Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, type CaseListQuery } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { zh } from '../i18n/zh-Hans';
import { statusLabel } from '../lib/labels';
import { useLoad } from '../lib/use-load';
import { CursorPager, useCursorPages } from './workbench/cursor-pager';
import { QueueTable, type SortKey } from './workbench/queue-table';

/** One kind's cases by status (举报, 咨询, ended complaints for 回访), paged by cursor. */
export function CaseListPage({
  title,
  help,
  query,
  statuses,
  children,
}: {
  title: string;
  help?: string;
  query: CaseListQuery;
  statuses: readonly CaseStatus[];
  children?: ReactNode;
}) {
  const [status, setStatus] = useState<CaseStatus>(statuses[0]);
  const [sort, setSort] = useState<SortKey>('due');
  const key = `${JSON.stringify(query)}|${status}|${sort}`;
  const pages = useCursorPages(key);
  const { data, error, loading } = useLoad(
    () => api.listCases({ ...query, status, sort, cursor: pages.cursor, limit: 20 }),
    `${key}|${pages.cursor}`,
  );
  return (
    <>
      <PageHeader title={title} help={help} error={error} />
      {children}
      <Space wrap style={{ marginBottom: 16 }} role="group" aria-label={zh.workbench.status}>
        {statuses.map((s) => (
          <Button
            key={s}
            type={s === status ? 'primary' : 'default'}
            aria-pressed={s === status}
            onClick={() => setStatus(s)}
          >
            {statusLabel(s)}
          </Button>
        ))}
      </Space>
      <QueueTable items={data?.items ?? []} loading={loading} sort={sort} onSort={setSort} />
      <div style={{ marginTop: 16 }}>
        <CursorPager pages={pages} nextCursor={data?.nextCursor ?? null} />
      </div>
    </>
  );
}
