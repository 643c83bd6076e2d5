import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StatsAnswer } from '@weiquan/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { NutButton } from '../../components/nut';
import { useT } from '../../i18n';
import { percent } from '../../lib/percent';
import { clearSession, getSession } from '../../lib/session';
import { go, ROUTES } from '../../routes';
import { CaseList } from '../cases/case-list';

export function MerchantCasesPage() {
  const t = useT();
  const session = getSession('merchant');
  const [record, setRecord] = useState<StatsAnswer['merchants'][number]>();
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
  return (
    <View>
      {session.user.merchantName && (
        <View className="wq-merchant-bar">
          <Text className="wq-strong">{t('merchant.boundAs', { name: session.user.merchantName })}</Text>
          <NutButton
            size="small"
            id="merchant-leave"
            onClick={() => {
              clearSession('merchant');
              void Taro.reLaunch({ url: ROUTES.home });
            }}
          >
            {t('merchant.unbind')}
          </NutButton>
        </View>
      )}
      {record && (
        <View className="wq-merchant-bar wq-record" data-testid="merchant-record">
          <Text className="wq-body">
            {t('merchant.record', { received: record.received, rate: percent(record.timelyRate) })}
          </Text>
          <Text className="wq-hint">{t('merchant.recordHint')}</Text>
        </View>
      )}
      <CaseList
        role="merchant"
        title="title.merchantCases"
        sortByDeadline
        onOpen={(id) => go(ROUTES.merchantCase, { id })}
      />
    </View>
  );
}
