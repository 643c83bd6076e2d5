import type { CaseAction, CaseView } from '@weiquan/shared';
import { Alert, Button, Col, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/endpoints';
import { zh } from '../../i18n/zh-Hans';
import { errorText } from '../../lib/error-text';
import { categoryLabel, formatTime, statusLabel } from '../../lib/labels';
import { useSession } from '../../session/use-session';
import { ActionPanel } from './action-panel';
import { CaseFacts } from './case-facts';
import { CaseTimeline } from './case-timeline';
import { ContactCard } from './contact-card';
import { DeadlineList } from './deadline-list';
import { EvidenceViewer } from './evidence-viewer';
import { PresenceBanner, usePresence } from './presence';
import { useCaseTools } from './use-case-tools';

export default function CasePage() {
  const { id = '' } = useParams();
  const session = useSession();
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const tools = useCaseTools();
  const [acting, setActing] = useState(false);
  const viewers = usePresence(id, acting);

  const reload = useCallback(async () => {
    const fresh = await api.getCase(id);
    setCase(fresh);
    return fresh;
  }, [id]);
  useEffect(() => {
    setCase(null);
    setError(null);
    reload().catch(setError);
  }, [reload]);

  if (error)
    return (
      <Result status="warning" title={errorText(error)} extra={<Link to="/">{zh.nav.workbench}</Link>} />
    );
  if (!c) return <Spin aria-label={zh.app.loading} />;

  const other = c.assignee && c.assignee.id !== session?.user.id ? c.assignee.displayName : null;
  return (
    <article aria-labelledby="case-heading">
      <Space align="center" wrap style={{ marginBottom: 16 }}>
        <Link to="/">← {zh.nav.workbench}</Link>
        <Typography.Title level={3} id="case-heading" style={{ margin: 0 }}>
          {zh.kinds[c.kind]} {c.caseNo}
        </Typography.Title>
        <Tag color="blue" data-testid="case-status">
          {statusLabel(c.status)}
        </Tag>
        <Tag>{categoryLabel(c.category)}</Tag>
        {c.priority && <Tag color="red">{zh.case.greenChannel}</Tag>}
        {c.supervised && <Tag color="magenta">{zh.case.supervised}</Tag>}
        {c.channel && (
          <Tag>
            {zh.case.channel}：{zh.channels[c.channel] ?? c.channel}
          </Tag>
        )}
        <Typography.Text>
          {zh.case.assignee}：
          <span data-testid="case-assignee">{c.assignee?.displayName ?? zh.workbench.unassigned}</span>
        </Typography.Text>
        <Typography.Text type="secondary">
          {formatTime(c.createdAt)} · {zh.case.version} {c.version}
        </Typography.Text>
        <Button size="small" onClick={() => void reload().catch(setError)}>
          {zh.app.refresh}
        </Button>
      </Space>
      <PresenceBanner viewers={viewers} />
      {other && (
        <Alert type="warning" showIcon message={zh.case.otherHandler(other)} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14} xxl={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <CaseFacts c={c} />
            <ContactCard c={c} />
            {c.kind !== 'consultation' && <EvidenceViewer attachments={c.attachments} />}
            <CaseTimeline entries={c.timeline} />
          </Space>
        </Col>
        <Col xs={24} lg={10} xxl={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ActionPanel
              caseView={c}
              act={(action: CaseAction) => api.act(c.id, action)}
              reload={reload}
              onChanged={setCase}
              loadTemplates={tools.loadTemplates}
              staff={tools.staff}
              onActing={setActing}
            />
            <DeadlineList deadlines={c.deadlines} />
          </Space>
        </Col>
      </Row>
    </article>
  );
}
