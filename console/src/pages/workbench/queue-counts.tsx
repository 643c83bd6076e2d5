import { QUEUE_FILTERS as SHARED_QUEUE_FILTERS, QUEUE_NAMES, type QueuesAnswer } from '@weiquan/shared';
import { Badge, Button, Space } from 'antd';
import { zh } from '../../i18n/zh-Hans';

export type QueueKey = 'all' | keyof QueuesAnswer;

/** Each queue as the `GET /cases` filters that list it (shared: each count is its list's length). */
export const QUEUE_FILTERS: Record<QueueKey, Readonly<Record<string, string>>> = {
  all: {},
  ...SHARED_QUEUE_FILTERS,
};
const ORDER: QueueKey[] = ['all', ...QUEUE_NAMES];
const TONE: Partial<Record<QueueKey, string>> = {
  overdue: '#c9141b',
  dueToday: '#ad2102',
  dueSoon: '#874d00',
};

export function QueueCounts({
  counts,
  active,
  onPick,
}: {
  counts: QueuesAnswer | null;
  active: QueueKey;
  onPick(queue: QueueKey): void;
}) {
  return (
    <nav aria-label="队列">
      <Space wrap>
        {ORDER.map((q) => (
          <Button
            key={q}
            type={active === q ? 'primary' : 'default'}
            aria-pressed={active === q}
            onClick={() => onPick(q)}
            data-queue={q}
          >
            {zh.queues[q]}
            {q !== 'all' && counts && (
              <Badge
                count={counts[q]}
                showZero
                overflowCount={9999}
                color={TONE[q] ?? '#0958d9'}
                style={{ marginLeft: 6 }}
                data-testid={`queue-count-${q}`}
              />
            )}
          </Button>
        ))}
      </Space>
    </nav>
  );
}
