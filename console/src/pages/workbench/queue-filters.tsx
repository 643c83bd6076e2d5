import { CATEGORIES, CASE_KINDS, CASE_STATUSES, CHANNELS } from '@weiquan/shared';
import { Input, Select, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { zh } from '../../i18n/zh-Hans';
import { statusLabel } from '../../lib/labels';
import type { StaffOption } from '../case/action-form';

export const FILTER_KEYS = ['q', 'kind', 'status', 'category', 'channel', 'district', 'assignee'] as const;

export function QueueFilters({
  values,
  fixed = {},
  staff,
  districts = [],
  onChange,
}: {
  values: Record<string, string | undefined>;
  /** what the chosen queue itself filters on: shown, not changeable (the queue's count holds) */
  fixed?: Readonly<Record<string, string>>;
  staff: StaffOption[];
  /** the merchants directory's districts (GET /staff/districts) */
  districts?: string[];
  onChange(changes: Record<string, string | undefined>): void;
}) {
  const search = useRef<HTMLInputElement | null>(null);
  // "/" jumps to the search box, as in most desks
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA'].includes(t.tagName) && !t.isContentEditable) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const select = (
    key: string,
    label: string,
    options: Array<{ value: string; label: string }>,
    width = 150,
  ) => (
    <Select
      allowClear
      aria-label={label}
      placeholder={label}
      value={fixed[key] ?? values[key]}
      disabled={key in fixed}
      className={key in fixed ? 'wq-fixed-filter' : undefined}
      onChange={(v: string | undefined) => onChange({ [key]: v })}
      options={options}
      style={{ width }}
      showSearch
      optionFilterProp="label"
    />
  );
  return (
    <Space wrap role="search">
      <Input.Search
        ref={(el) => {
          search.current = el?.input ?? null;
        }}
        aria-label={zh.workbench.searchPlaceholder}
        placeholder={`${zh.workbench.searchPlaceholder}（按 / 聚焦）`}
        defaultValue={values.q}
        allowClear
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 320 }}
        aria-keyshortcuts="/"
      />
      {select(
        'kind',
        zh.workbench.kind,
        CASE_KINDS.map((k) => ({ value: k, label: zh.kinds[k] })),
        110,
      )}
      {select(
        'status',
        zh.workbench.status,
        CASE_STATUSES.filter((s) => s !== 'submitted').map((s) => ({ value: s, label: statusLabel(s) })),
      )}
      {select(
        'category',
        zh.workbench.category,
        CATEGORIES.map((c) => ({ value: c.code, label: c.name })),
        190,
      )}
      {select(
        'channel',
        zh.workbench.channel,
        CHANNELS.map((c) => ({ value: c, label: zh.channels[c] })),
        120,
      )}
      {select(
        'district',
        zh.workbench.district,
        districts.map((d) => ({ value: d, label: d })),
        130,
      )}
      {select('assignee', zh.workbench.assignee, [
        { value: 'me', label: zh.workbench.me },
        { value: 'none', label: zh.workbench.unassigned },
        ...staff.map((s) => ({ value: s.id, label: s.displayName })),
      ])}
    </Space>
  );
}
