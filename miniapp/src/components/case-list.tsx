import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { CaseKind, CaseListItem, CaseStatus } from '@weiquan/shared';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/endpoints';
import { beijingDay, KIND, KindTag, StatusTag } from './case-parts';
import { Chips } from './chips';
import { ErrorText } from './field';
import { NutButton } from './nut';
import { Screen } from './screen';
import { messageOf } from '../hooks/use-remote';
import { categoryLabel, useT, type MessageKey } from '../i18n';
import { statusKey } from '../lib/case-copy';
import { actAs, type AppRole } from '../lib/session';
import type { Tab } from './tab-bar';

const KINDS: Array<CaseKind | ''> = ['', 'complaint', 'report', 'consultation'];
const COMPLAINT_FILTERS: CaseStatus[] = [
  'merchant_negotiating',
  'awaiting_consumer',
  'pending_acceptance',
  'mediating',
  'settled',
  'closed',
];
/** each kind has its own statuses (reports are verified, consultations answered) */
const FILTERS: Record<CaseKind | '', CaseStatus[]> = {
  '': COMPLAINT_FILTERS,
  complaint: COMPLAINT_FILTERS,
  report: ['verifying', 'case_opened', 'not_opened'],
  consultation: ['open', 'answered'],
};

/**
 * A paged case list with status chips, pull to refresh and "load more" (nextCursor). Consumers and
 * merchants share it; merchants see theirs sorted by the nearest deadline.
 */
export function CaseList({
  role,
  onOpen,
  title,
  sortByDeadline,
  header,
  footer,
  tab,
}: {
  role: AppRole;
  onOpen: (id: string) => void;
  title: MessageKey;
  sortByDeadline?: boolean;
  /** the page's own cards above the list (the merchant's shop bar and open complaints) */
  header?: ReactNode;
  footer?: ReactNode;
  tab?: Tab;
}) {
  const t = useT();
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [kind, setKind] = useState<CaseKind | ''>('');
  const [items, setItems] = useState<CaseListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (reset: boolean, filter: CaseStatus | '' = status, kindFilter: CaseKind | '' = kind) => {
      const gen = reset ? ++generation.current : generation.current;
      setLoading(true);
      try {
        const page = await api.listCases(
          {
            status: filter || undefined,
            kind: kindFilter || undefined,
            cursor: reset ? undefined : (cursor ?? undefined),
            limit: 20,
          },
          role,
        );
        if (gen !== generation.current) return;
        setItems((prev) => (reset ? page.items : [...prev, ...page.items]));
        setCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setLoading(false);
        Taro.stopPullDownRefresh();
      }
    },
    [status, kind, cursor, role],
  );

  useDidShow(() => {
    actAs(role);
    void load(true);
  });
  usePullDownRefresh(() => void load(true));
  useReachBottom(() => {
    if (cursor && !loading) void load(false);
  });

  const shown = sortByDeadline
    ? [...items].sort((a, b) => (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999'))
    : items;
  return (
    <Screen title={title} onRetry={() => load(true)} testId={`page-${role}-cases`} tab={tab}>
      <View className="wq-page">
        {header}
        {role === 'consumer' && (
          <Chips<CaseKind | ''>
            name={t('cases.kindFilter')}
            value={kind}
            onChange={(k) => {
              setKind(k);
              setStatus('');
              void load(true, '', k);
            }}
            options={KINDS.map((k) => ({ value: k, label: t(k ? KIND[k] : 'cases.allKinds') }))}
          />
        )}
        <Chips<CaseStatus | ''>
          name={t('cases.statusFilter')}
          value={status}
          onChange={(s) => {
            setStatus(s);
            void load(true, s);
          }}
          options={[
            { value: '', label: t('cases.allStatuses') },
            ...FILTERS[kind].map((s) => ({ value: s, label: t(statusKey(s, role)) })),
          ]}
        />
        {sortByDeadline && <Text className="wq-hint">{t('merchant.sortedByDeadline')}</Text>}
        <ErrorText message={error} />
        {shown.map((c) => (
          <View
            key={c.id}
            className="wq-card wq-case-item"
            data-case-id={c.id}
            data-case-no={c.caseNo}
            data-kind={c.kind}
            onClick={() => onOpen(c.id)}
            role="link"
          >
            <View className="wq-row">
              <Text className="wq-strong">{c.merchant?.name ?? categoryLabel(t.lang, c.category)}</Text>
              <View className="wq-tags">
                {role === 'consumer' && <KindTag kind={c.kind} />}
                <StatusTag status={c.status} reader={role} />
              </View>
            </View>
            <Text className="wq-muted">
              {c.caseNo} · {categoryLabel(t.lang, c.category)} · {beijingDay(c.createdAt)}
            </Text>
            {c.nextDueAt && (
              <Text className="wq-muted">{t('merchant.due', { date: beijingDay(c.nextDueAt) })}</Text>
            )}
          </View>
        ))}
        {!loading && shown.length === 0 && !error && (
          <Text className="wq-muted wq-center">{t('common.empty')}</Text>
        )}
        {cursor ? (
          <NutButton id="load-more" block loading={loading} onClick={() => load(false)}>
            {t('common.loadMore')}
          </NutButton>
        ) : (
          shown.length > 0 && <Text className="wq-muted wq-center">{t('common.noMore')}</Text>
        )}
        <Button id="refresh" className="wq-link-button" onClick={() => load(true)}>
          {t('common.refresh')}
        </Button>
        {footer}
      </View>
    </Screen>
  );
}
