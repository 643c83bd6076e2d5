import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { claimCaseBody } from '@weiquan/shared';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText, Field } from '../../components/field';
import { NutButton } from '../../components/nut';
import { Screen } from '../../components/screen';
import { messageOf } from '../../hooks/use-remote';
import { useT } from '../../i18n';
import { ensureConsumer } from '../../lib/login';
import { ROUTES } from '../../routes';

/** 查询电话登记的投诉: a caller whose complaint 12315 registered by phone claims it with its number and claim code. */
export function ClaimPage() {
  const t = useT();
  const [caseNo, setCaseNo] = useState('');
  const [claimCode, setClaimCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const claim = async () => {
    const parsed = claimCaseBody.safeParse({
      caseNo: caseNo.trim().toUpperCase(),
      claimCode: claimCode.trim(),
    });
    if (!parsed.success) {
      setError(t('claim.invalid'));
      return;
    }
    if (!(await ensureConsumer())) return;
    setBusy(true);
    try {
      const view = await api.claimCase(parsed.data);
      setError(null);
      void Taro.redirectTo({ url: `${ROUTES.case}?id=${view.id}` });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="title.claim" testId="page-claim">
      <View className="wq-page">
        <View className="wq-card">
          <Text className="wq-hint">{t('claim.hint')}</Text>
          <Field
            id="claim-case-no"
            label={t('claim.caseNo')}
            value={caseNo}
            onChange={setCaseNo}
            maxlength={32}
          />
          <Field
            id="claim-code"
            label={t('claim.code')}
            value={claimCode}
            onChange={setClaimCode}
            maxlength={8}
          />
          <NutButton id="claim" type="primary" block loading={busy} onClick={claim}>
            {t('claim.submit')}
          </NutButton>
          <ErrorText message={error} />
        </View>
      </View>
    </Screen>
  );
}
