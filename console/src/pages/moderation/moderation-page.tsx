import type { ModerationItem } from '@weiquan/shared';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints';
import { PageHeader } from '../../components/page-header';
import { zh } from '../../i18n/zh-Hans';
import { errorText } from '../../lib/error-text';
import { formatTime } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { CursorPager, useCursorPages } from '../workbench/cursor-pager';
import { RedactDialog } from './redact-dialog';

const t = zh.moderation;
type Decision = 'redacted' | 'released';

/**
 * 内容审核: what content security listed for a person to decide (WeChat asked for review, could
 * not be asked, or an image was risky or never judged). Redact asks why; release takes it off the
 * list; each row links to its case.
 */
export default function ModerationPage() {
  const { message } = App.useApp();
  const pages = useCursorPages('moderation');
  const { data, error, loading } = useLoad(() => api.moderation(pages.cursor), `moderation|${pages.cursor}`);
  const [decided, setDecided] = useState<Record<string, Decision>>({});
  const [redacting, setRedacting] = useState<ModerationItem | null>(null);

  const record = (id: string, state: Decision) => {
    setDecided((d) => ({ ...d, [id]: state }));
    message.success(t[state]);
  };
  async function release(item: ModerationItem) {
    try {
      record(item.id, (await api.release(item.id)).state);
    } catch (err) {
      message.error(errorText(err));
    }
  }
  async function redact(reason: string) {
    if (!redacting) return;
    const answer = await api.redact(redacting.id, reason);
    setRedacting(null);
    record(answer.id, answer.state);
  }

  return (
    <>
      <PageHeader title={t.heading} help={t.help} error={error} />
      <Table<ModerationItem>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Typography.Text type="secondary">{t.empty}</Typography.Text> }}
        columns={[
          { title: t.at, dataIndex: 'at', width: 170, render: formatTime },
          {
            title: t.reason,
            dataIndex: 'reason',
            width: 160,
            render: (r: string) => (
              <Tag color={r === 'media_risky' ? 'red' : 'gold'}>{t.reasons[r] ?? r}</Tag>
            ),
          },
          { title: t.field, dataIndex: 'field', width: 130, render: (f: string) => t.fields[f] ?? f },
          {
            title: t.content,
            key: 'content',
            render: (_, item) =>
              item.uploadId ? (
                <Typography.Text type="secondary">{t.image}</Typography.Text>
              ) : (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {item.text}
                </Typography.Paragraph>
              ),
          },
          {
            title: t.label,
            dataIndex: 'label',
            width: 100,
            render: (l: number | null) => (l === null ? '—' : (t.labels[l] ?? String(l))),
          },
          {
            title: t.case,
            dataIndex: 'caseId',
            width: 100,
            render: (id: string) => <Link to={`/cases/${id}`}>{t.openCase}</Link>,
          },
          {
            title: '',
            key: 'decide',
            width: 150,
            render: (_, item) =>
              decided[item.id] ? (
                <Tag color={decided[item.id] === 'redacted' ? 'red' : 'green'}>{t[decided[item.id]]}</Tag>
              ) : (
                <Space>
                  <Button danger size="small" onClick={() => setRedacting(item)} data-item={item.id}>
                    {t.redact}
                  </Button>
                  <Popconfirm
                    title={t.releaseConfirm}
                    okText={t.release}
                    cancelText={zh.app.cancel}
                    onConfirm={() => release(item)}
                  >
                    <Button size="small">{t.release}</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <CursorPager pages={pages} nextCursor={data?.nextCursor ?? null} />
      </div>
      <RedactDialog open={redacting !== null} onRedact={redact} onClose={() => setRedacting(null)} />
    </>
  );
}
