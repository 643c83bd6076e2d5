import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { CaseListItem } from '@weiquan/shared'
import { useCallback, useRef, useState } from 'react'
import { api } from '../../api/endpoints'
import { beijingDay, StatusTag } from '../../components/case-parts'
import { Chips } from '../../components/chips'
import { ErrorText } from '../../components/field'
import { NutButton } from '../../components/nut'
import { Screen } from '../../components/screen'
import { messageOf } from '../../hooks/use-remote'
import { categoryLabel, useT, type MessageKey } from '../../i18n'
import type { AppRole } from '../../lib/session'

const FILTERS = ['', 'merchant_negotiating', 'awaiting_consumer', 'pending_acceptance', 'mediating', 'settled', 'closed'] as const

/**
 * A paged case list with status chips, pull to refresh and "load more" (nextCursor). Consumers and
 * merchants share it; merchants see theirs sorted by the nearest deadline.
 */
export function CaseList({ role, onOpen, title, sortByDeadline }: { role: AppRole; onOpen: (id: string) => void; title: MessageKey; sortByDeadline?: boolean }) {
  const t = useT()
  const [status, setStatus] = useState<string>('')
  const [items, setItems] = useState<CaseListItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const generation = useRef(0)

  const load = useCallback(
    async (reset: boolean, filter = status) => {
      const gen = reset ? ++generation.current : generation.current
      setLoading(true)
      try {
        const page = await api.listCases({ status: filter || undefined, cursor: reset ? undefined : cursor ?? undefined, limit: 20 }, role)
        if (gen !== generation.current) return
        setItems((prev) => (reset ? page.items : [...prev, ...page.items]))
        setCursor(page.nextCursor)
        setError(null)
      } catch (e) {
        setError(messageOf(e))
      } finally {
        setLoading(false)
        Taro.stopPullDownRefresh()
      }
    },
    [status, cursor, role],
  )

  useDidShow(() => void load(true))
  usePullDownRefresh(() => void load(true))
  useReachBottom(() => {
    if (cursor && !loading) void load(false)
  })

  const shown = sortByDeadline ? [...items].sort((a, b) => (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999')) : items
  return (
    <Screen title={title} onRetry={() => load(true)} testId={`page-${role}-cases`}>
      <View className="wq-page">
        <Chips
          name={t('status.all')}
          value={status}
          onChange={(s) => {
            setStatus(s)
            void load(true, s)
          }}
          options={FILTERS.map((s) => ({ value: s, label: t(s ? (`status.${s}` as MessageKey) : 'status.all') }))}
        />
        {sortByDeadline && <Text className="wq-hint">{t('merchant.sortedByDeadline')}</Text>}
        <ErrorText message={error} />
        {shown.map((c) => (
          <View key={c.id} className="wq-card wq-case-item" data-case-id={c.id} data-case-no={c.caseNo} onClick={() => onOpen(c.id)} role="link">
            <View className="wq-row">
              <Text className="wq-strong">{c.merchant?.name ?? categoryLabel(t.lang, c.category)}</Text>
              <StatusTag status={c.status} />
            </View>
            <Text className="wq-muted">
              {c.caseNo} · {categoryLabel(t.lang, c.category)} · {beijingDay(c.createdAt)}
            </Text>
            {c.nextDueAt && <Text className="wq-muted">{t('merchant.due', { date: beijingDay(c.nextDueAt) })}</Text>}
          </View>
        ))}
        {!loading && shown.length === 0 && !error && <Text className="wq-muted wq-center">{t('common.empty')}</Text>}
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
      </View>
    </Screen>
  )
}
