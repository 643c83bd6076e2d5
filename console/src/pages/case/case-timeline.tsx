import { seesEvent, type TimelineEntry } from '@weiquan/shared';
import { Card, Tag, Timeline, Typography } from 'antd';
import { zh } from '../../i18n/zh-Hans';
import { actionLabel, formatTime } from '../../lib/labels';
import { fenToYuan } from '../../lib/money';
import { groundText } from '../../lib/grounds';

/** Entries consumers never see (the shared visibility table): marked so staff know what they share. */
export function isStaffOnly(entry: TimelineEntry): boolean {
  return !seesEvent('consumer', entry.type);
}

function details(e: TimelineEntry): string[] {
  const out: string[] = [];
  if (e.ground) out.push(`${zh.form.ground}：${groundText(e.ground)}`);
  if (e.outcome)
    out.push(`${zh.form.outcome}：${e.outcome === 'mediated' ? zh.form.mediated : zh.form.terminated}`);
  if (e.recoveredFen !== undefined) out.push(`${zh.case.recovered}：${fenToYuan(e.recoveredFen)} 元`);
  if (e.refundFen !== undefined) out.push(`退款：${fenToYuan(e.refundFen)} 元`);
  if (e.score !== undefined) out.push(`${zh.case.rating}：${e.score} 分`);
  if (e.reason) out.push(`${zh.form.reason}：${e.reason}`);
  return out;
}

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Card title={zh.case.timeline} size="small">
      <Timeline
        items={entries.map((e, i) => {
          const staffOnly = isStaffOnly(e);
          return {
            key: i,
            color: staffOnly ? 'gray' : e.actorRole === 'system' ? 'orange' : 'blue',
            children: (
              <div data-testid="timeline-entry" data-type={e.type} data-staff-only={staffOnly || undefined}>
                <Typography.Text strong>{actionLabel(e.type)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {zh.actors[e.actorRole] ?? e.actorRole} · {formatTime(e.at)}
                </Typography.Text>{' '}
                {staffOnly && <Tag color="purple">{zh.case.staffOnly}</Tag>}
                {e.text && (
                  <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                    {e.text}
                  </Typography.Paragraph>
                )}
                {details(e).map((d) => (
                  <div key={d}>
                    <Typography.Text type="secondary">{d}</Typography.Text>
                  </div>
                ))}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
