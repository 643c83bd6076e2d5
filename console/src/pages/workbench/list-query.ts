import type { CaseListQuery } from '../../api/endpoints';
import { QUEUE_FILTERS, type QueueKey } from './queue-counts';
import type { SortKey } from './queue-table';

/**
 * The `GET /cases` query of the list under a queue's count: the handler's filters that are set, then
 * the queue's own filters, so that no filter can widen a queue past its count. (The filters read from
 * the address carried every key, unset ones as undefined, and spread after the queue's: an unset
 * assignee erased the 未分配 queue's `assignee=none`, and its list showed every open case.)
 */
export function listQueryOf(
  queue: QueueKey,
  filters: Record<string, string | undefined>,
  sort: SortKey,
  cursor: string | undefined,
): CaseListQuery {
  const set = Object.entries(filters).filter(([, v]) => v !== undefined && v !== '');
  return { ...Object.fromEntries(set), ...QUEUE_FILTERS[queue], sort, cursor, limit: 20 } as CaseListQuery;
}
