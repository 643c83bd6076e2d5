import type { AuditItem } from '@weiquan/shared';
import { Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { zh } from '../i18n/zh-Hans';
import { formatTime } from '../lib/labels';
import { useLoad } from '../lib/use-load';
import { useActiveStaff } from './case/use-case-tools';
import { CursorPager, useCursorPages } from './workbench/cursor-pager';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who read whose personal data, who exported, who acted (admins only; PIPL). */
export default function AuditPage() {
  const staff = useActiveStaff();
  const [staffId, setStaffId] = useState<string>();
  const [caseId, setCaseId] = useState<string>();
  const key = `${staffId}|${caseId}`;
  const pages = useCursorPages(key);
  const { data, error, loading } = useLoad(
    () => api.audit({ staffId, caseId, cursor: pages.cursor }),
    `${key}|${pages.cursor}`,
  );
  return (
    <>
      <PageHeader title={zh.audit.heading} error={error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label={zh.audit.staff}
          placeholder={zh.audit.staff}
          style={{ width: 200 }}
          value={staffId}
          onChange={setStaffId}
          options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
        />
        <Input.Search
          aria-label={`${zh.audit.case}（编号 ID）`}
          placeholder={`${zh.audit.case} ID`}
          allowClear
          style={{ width: 360 }}
          onSearch={(v) => setCaseId(UUID.test(v.trim()) ? v.trim() : undefined)}
        />
      </Space>
      <Table<AuditItem>
        rowKey={(a, i) => `${a.at}-${i}`}
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: zh.audit.at, dataIndex: 'at', width: 180, render: formatTime },
          { title: zh.audit.staff, key: 'staff', width: 140, render: (_, a) => a.staff.displayName },
          {
            title: zh.audit.action,
            dataIndex: 'action',
            width: 130,
            render: (k: string) => <Tag>{zh.audit.kinds[k] ?? k}</Tag>,
          },
          {
            title: zh.audit.case,
            dataIndex: 'caseId',
            render: (id?: string) => (id ? <Link to={`/cases/${id}`}>{id}</Link> : '—'),
          },
          { title: zh.audit.detail, dataIndex: 'detail' },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <CursorPager pages={pages} nextCursor={data?.nextCursor ?? null} />
      </div>
    </>
  );
}
