import type { CaseAction, CaseList, QueuesAnswer } from '@weiquan/shared';
import { Alert, App, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/endpoints';
import { zh } from '../../i18n/zh-Hans';
import { errorText } from '../../lib/error-text';
import { useActiveStaff } from '../case/use-case-tools';
import { BulkBar } from './bulk-bar';
import { CursorPager, useCursorPages } from './cursor-pager';
import { listQueryOf } from './list-query';
import { QueueCounts, QUEUE_FILTERS, type QueueKey } from './queue-counts';
import { QueueFilters, FILTER_KEYS } from './queue-filters';
import { QueueTable, type SortKey } from './queue-table';

/** The districts to filter by, in the order of their Chinese names (the store sorts by code point). */
function useDistricts(): string[] {
  const [districts, setDistricts] = useState<string[]>([]);
  useEffect(() => {
    api.districts().then(
      (list) => setDistricts(list.items.map((d) => d.name).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'))),
      () => setDistricts([]),
    );
  }, []);
  return districts;
}

export default function WorkbenchPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const queue = (params.get('queue') ?? 'all') as QueueKey;
  const sort = (params.get('sort') ?? 'created') as SortKey;
  const filters = useMemo(
    () => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])),
    [params],
  );
  const [counts, setCounts] = useState<QueuesAnswer | null>(null);
  const [list, setList] = useState<CaseList | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const pages = useCursorPages(`${params.toString()}`);
  const staff = useActiveStaff();
  const districts = useDistricts();

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const [c, l] = await Promise.all([
        api.queues().catch(() => null),
        api.listCases(listQueryOf(queue, filters, sort, pages.cursor)),
      ]);
      setCounts(c);
      setList(l);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [queue, filters, sort, pages.cursor]);
  useEffect(() => {
    void load();
  }, [load]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSelected([]);
    setParams(next);
  };

  async function bulk(action: CaseAction) {
    const byId = new Map(list?.items.map((i) => [i.id, i.caseNo]));
    try {
      const answer = await api.bulk({ caseIds: selected, action });
      const failed = answer.results.filter((r) => r.status >= 300);
      const text = zh.workbench.bulkDone(answer.results.length - failed.length, failed.length);
      if (failed.length)
        message.warning({
          content: [
            text,
            ...failed.map((f) =>
              zh.workbench.bulkFailedRow(
                byId.get(f.id) ?? f.id,
                zh.errors[f.error?.code ?? ''] ?? zh.errors.unknown,
              ),
            ),
          ].join('；'),
          duration: 8,
        });
      else message.success(text);
      setSelected([]);
      await load();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {zh.workbench.heading}
      </Typography.Title>
      <QueueCounts
        counts={counts}
        active={queue}
        onPick={(q) => update({ queue: q === 'all' ? undefined : q })}
      />
      <QueueFilters
        values={filters}
        fixed={QUEUE_FILTERS[queue]}
        staff={staff}
        districts={districts}
        onChange={update}
      />
      {error ? <Alert type="error" showIcon role="alert" message={errorText(error)} /> : null}
      <BulkBar selected={selected.length} staff={staff} onAction={(a) => void bulk(a)} />
      <QueueTable
        items={list?.items ?? []}
        loading={loading}
        sort={sort}
        onSort={(s) => update({ sort: s === 'created' ? undefined : s })}
        selected={selected}
        onSelect={setSelected}
      />
      <CursorPager pages={pages} nextCursor={list?.nextCursor ?? null} />
    </Space>
  );
}
