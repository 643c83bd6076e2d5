import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  OPEN_COMPLAINT_STATUSES,
  type CaseListItem,
  type DeadlineView,
  type StatsAnswer,
} from '@weiquan/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { beijingDay, daysLeftText, StatusTag } from '../../components/case-parts';
import { NutButton } from '../../components/nut';
import { useT } from '../../i18n';
import { percent } from '../../lib/percent';
import { actAs, clearSession, getSession } from '../../lib/session';
import { useStore } from '../../lib/store';
import { unread } from '../../lib/unread';
import { go, ROUTES } from '../../routes';
import { CaseList } from '../../components/case-list';

/** how many open complaints the merchant home reads in detail for their working days left */
const OPEN_SHOWN = 10;

interface OpenCase {
  item: CaseListItem;
  deadline?: DeadlineView;
}

/**
 * The open complaints against the shop, nearest deadline first, each with its working days left
 * (the list answers only the due date; the case view has the working-day count, so the few open
 * ones are read in detail, which the BFF batches).
 */
function useOpenComplaints() {
  const [open, setOpen] = useState<OpenCase[] | null>(null);
  const load = async () => {
    try {
      const page = await api.listCases({ kind: 'complaint', limit: 50 }, 'merchant');
      const items = page.items
        .filter((c) => OPEN_COMPLAINT_STATUSES.includes(c.status))
        .sort((a, b) => (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999'))
        .slice(0, OPEN_SHOWN);
      const views = await Promise.all(
        items.map((c) =>
          api.getCase(c.id, 'merchant').then(
            (v) => v,
            () => undefined,
          ),
        ),
      );
      setOpen(
        items.map((item, i) => ({
          item,
          deadline: [...(views[i]?.deadlines ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0],
        })),
      );
    } catch {
      setOpen(null);
    }
  };
  return { open, load };
}

export function MerchantCasesPage() {
  const t = useT();
  const session = getSession('merchant');
  const counts = useStore(unread);
  const [record, setRecord] = useState<StatsAnswer['merchants'][number]>();
  const { open, load } = useOpenComplaints();
  useDidShow(() => {
    if (!session) return;
    actAs('merchant');
    void load();
  });
  useEffect(() => {
    if (!session) void Taro.redirectTo({ url: ROUTES.merchantBind });
    const merchantId = session?.user.merchantId;
    // the shop's own published timely-response record (ODR merchants only are listed in /stats)
    if (merchantId)
      void api.stats({ merchantId }).then(
        (s) => setRecord(s.merchants.find((m) => m.id === merchantId)),
        () => undefined,
      );
  }, []);
  if (!session) return null;

  const header = (
    <>
      {session.user.merchantName && (
        <View className="wq-merchant-bar">
          <Text className="wq-strong">{t('merchant.boundAs', { name: session.user.merchantName })}</Text>
          <NutButton
            size="small"
            id="merchant-leave"
            onClick={() => {
              clearSession('merchant');
              actAs('consumer');
              void Taro.reLaunch({ url: ROUTES.home });
            }}
          >
            {t('merchant.unbind')}
          </NutButton>
        </View>
      )}
      {counts.merchant > 0 && (
        <View
          className="wq-card wq-notice-banner"
          id="merchant-unread"
          role="link"
          data-testid="merchant-unread"
          onClick={() => go(ROUTES.inbox, { as: 'merchant' })}
        >
          <Text className="wq-strong">{t('merchant.unread', { n: counts.merchant })}</Text>
        </View>
      )}
      <View className="wq-card" data-testid="merchant-open">
        <Text className="wq-card-title">{t('merchant.openTitle')}</Text>
        {open && open.length === 0 && <Text className="wq-muted">{t('merchant.noOpen')}</Text>}
        {open?.map(({ item, deadline }) => (
          <View
            key={item.id}
            className="wq-open-item"
            role="link"
            data-open-case-id={item.id}
            onClick={() => go(ROUTES.merchantCase, { id: item.id })}
          >
            <View className="wq-row">
              <Text className="wq-strong">{item.caseNo}</Text>
              <StatusTag status={item.status} reader="merchant" />
            </View>
            {deadline ? (
              <Text className={`wq-days-left ${deadline.workingDaysLeft <= 2 ? 'wq-urgent' : ''}`}>
                {t('deadline.due', { date: beijingDay(deadline.dueAt) })} · {daysLeftText(t, deadline)}
              </Text>
            ) : (
              <Text className="wq-muted">{t('merchant.waiting')}</Text>
            )}
          </View>
        ))}
      </View>
      {record && (
        <View className="wq-merchant-bar wq-record" data-testid="merchant-record">
          <Text className="wq-body">
            {t('merchant.record', { received: record.received, rate: percent(record.timelyRate) })}
          </Text>
          <Text className="wq-hint">{t('merchant.recordHint')}</Text>
        </View>
      )}
      <Text className="wq-card-title">{t('merchant.allTitle')}</Text>
    </>
  );
  return (
    <CaseList
      role="merchant"
      title="title.merchantCases"
      sortByDeadline
      header={header}
      tab="merchantHome"
      onOpen={(id) => go(ROUTES.merchantCase, { id })}
    />
  );
}
