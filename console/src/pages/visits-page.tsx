import { QUEUE_FILTERS, type CaseListItem, type CaseStatus, type CaseView } from '@weiquan/shared';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { categoryLabel, formatTime, statusLabel } from '../lib/labels';
import { useLoad } from '../lib/use-load';
import { ActionPanel } from './case/action-panel';
import { CursorPager, useCursorPages } from './workbench/cursor-pager';

/** Complaints that ended (not withdrawn): the visit is recorded on any of them, the last counts. */
const ENDED: readonly CaseStatus[] = ['closed', 'settled', 'refused'];
type Tab = 'awaiting' | CaseStatus;
const TABS: readonly Tab[] = ['awaiting', ...ENDED];

/** One call: the consumer's phone (an audited read) and the four results with a note. */
function VisitCall({ id }: { id: string }) {
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.getCase(id).then(setCase, setError);
  }, [id]);
  if (error) return <Alert type="error" showIcon role="alert" message={errorText(error)} />;
  if (!c) return <Spin aria-label={zh.app.loading} />;
  const visitOnly = { ...c, allowedActions: c.allowedActions.filter((a) => a === 'record_visit') };
  return (
    <Space align="start" size={24} style={{ width: '100%' }} wrap>
      <Card size="small" title={zh.case.complainant} style={{ minWidth: 320 }}>
        <Alert type="info" showIcon message={zh.case.auditedNote} style={{ marginBottom: 8 }} />
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: zh.case.name, children: c.complainant?.name ?? '—' },
            {
              key: 'phone',
              label: zh.case.phone,
              children: (
                <Typography.Text strong style={{ fontSize: 20 }} data-testid="visit-phone">
                  {c.complainant?.phone ?? '—'}
                </Typography.Text>
              ),
            },
            {
              key: 'last',
              label: zh.visits.last,
              children: c.lastVisit
                ? `${zh.visitResults[c.lastVisit.result]} · ${formatTime(c.lastVisit.at)}`
                : zh.visits.none,
            },
          ]}
        />
      </Card>
      <div style={{ flex: 1, minWidth: 420 }}>
        <ActionPanel
          caseView={visitOnly}
          act={(a) => api.act(c.id, a)}
          reload={() => api.getCase(c.id)}
          onChanged={setCase}
        />
      </div>
    </Space>
  );
}

export default function VisitsPage() {
  const [tab, setTab] = useState<Tab>('awaiting');
  const pages = useCursorPages(tab);
  const { data, error, loading } = useLoad(
    () =>
      api.listCases({
        kind: 'complaint',
        ...(tab === 'awaiting' ? QUEUE_FILTERS.awaitingVisit : { status: tab }),
        sort: 'updated',
        cursor: pages.cursor,
        limit: 20,
      }),
    `${tab}|${pages.cursor}`,
  );
  return (
    <>
      <PageHeader title={zh.visits.heading} help={zh.visits.help} error={error} />
      <Space wrap style={{ marginBottom: 16 }} role="group" aria-label={zh.workbench.status}>
        {TABS.map((t) => (
          <Button
            key={t}
            type={t === tab ? 'primary' : 'default'}
            aria-pressed={t === tab}
            onClick={() => setTab(t)}
          >
            {t === 'awaiting' ? zh.queues.awaitingVisit : statusLabel(t)}
          </Button>
        ))}
      </Space>
      <Table<CaseListItem>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        onRow={(row) => ({ 'data-case-no': row.caseNo }) as React.HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (row) => <VisitCall id={row.id} />, expandRowByClick: false }}
        columns={[
          {
            title: zh.workbench.caseNo,
            dataIndex: 'caseNo',
            render: (no: string, r) => <Link to={`/cases/${r.id}`}>{no}</Link>,
          },
          { title: zh.workbench.merchant, key: 'm', render: (_, r) => r.merchant?.name ?? '—' },
          { title: zh.workbench.category, dataIndex: 'category', render: categoryLabel },
          {
            title: zh.workbench.status,
            dataIndex: 'status',
            render: (s: string) => <Tag>{statusLabel(s)}</Tag>,
          },
          { title: zh.workbench.assignee, key: 'a', render: (_, r) => r.assignee?.displayName ?? '—' },
          { title: '办结时间', dataIndex: 'updatedAt', render: formatTime },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <CursorPager pages={pages} nextCursor={data?.nextCursor ?? null} />
      </div>
    </>
  );
}
