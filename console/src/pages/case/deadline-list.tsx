import type { DeadlineView } from '@weiquan/shared';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { zh } from '../../i18n/zh-Hans';
import { formatTime } from '../../lib/labels';
import { deadlineTone, TONE_COLOR } from '../../lib/deadline-tone';

/** Every deadline with its working days left, and whether its clock is paused. */
export function DeadlineList({ deadlines }: { deadlines: DeadlineView[] }) {
  return (
    <Card title={zh.case.deadlines} size="small">
      {deadlines.length === 0 ? (
        <Empty description={zh.case.noDeadlines} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={deadlines}
          renderItem={(d) => {
            const tone = d.paused ? null : deadlineTone(d.workingDaysLeft);
            return (
              <List.Item data-testid={`deadline-${d.kind}`}>
                <List.Item.Meta
                  title={
                    <span>
                      {zh.deadlineKinds[d.kind] ?? d.kind}{' '}
                      {d.paused ? (
                        <Tag color="default">{zh.deadline.paused}</Tag>
                      ) : (
                        <Tag color={tone ? TONE_COLOR[tone] : 'blue'}>
                          {zh.deadline.daysLeft(d.workingDaysLeft)}
                        </Tag>
                      )}
                      {d.provisional && <Tag>{zh.deadline.provisional}</Tag>}
                    </span>
                  }
                  description={
                    <>
                      <Typography.Text>
                        {zh.deadline.due} {formatTime(d.dueAt)}
                      </Typography.Text>
                      {d.targetDueAt && (
                        <div>
                          {zh.deadline.greenTarget} {formatTime(d.targetDueAt)}
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
