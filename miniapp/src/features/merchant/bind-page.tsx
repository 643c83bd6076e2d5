import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { bindMerchantBody } from '@weiquan/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText, Field } from '../../components/field';
import { NutButton } from '../../components/nut';
import { Screen } from '../../components/screen';
import { messageOf } from '../../hooks/use-remote';
import { ApiError } from '../../lib/api-client';
import { useT } from '../../i18n';
import { actAs, saveSession } from '../../lib/session';
import { ROUTES } from '../../routes';
import { ensureConsumer, loginWithWechat } from '../../lib/login';
import { isWeapp } from '../../lib/platform';

/** The server's refusal in the person's words: a wrong or used-up code is not an "Invalid request". */
function bindError(e: unknown, t: ReturnType<typeof useT>): string {
  if (!(e instanceof ApiError)) return messageOf(e);
  if (e.code === 'NETWORK') return t('error.network');
  if (e.code === 'VALIDATION_FAILED' || e.code === 'NOT_FOUND') {
    const said = JSON.stringify(e.details ?? '');
    return t(/used up/.test(said) ? 'merchant.codeUsedUp' : 'merchant.codeUnknown');
  }
  return messageOf(e);
}

/** 商家入口: a logged-in person binds to a merchant with the staff-issued code and gets merchant tokens. */
export function MerchantBindPage() {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // a shop already bound on WeChat logs straight back in as merchant (`as: "merchant"`)
  useEffect(() => {
    if (!isWeapp()) return;
    loginWithWechat('merchant').then(
      () => {
        actAs('merchant');
        void Taro.redirectTo({ url: ROUTES.merchantCases });
      },
      () => undefined,
    );
  }, []);

  const bind = async () => {
    const parsed = bindMerchantBody.safeParse({ bindingCode: code });
    if (!parsed.success) {
      setError(t('error.required'));
      return;
    }
    if (!(await ensureConsumer())) return;
    setBusy(true);
    try {
      saveSession('merchant', await api.bindMerchant(parsed.data.bindingCode));
      actAs('merchant');
      setError(null);
      void Taro.redirectTo({ url: ROUTES.merchantCases });
    } catch (e) {
      setError(bindError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="title.merchantBind" testId="page-merchant-bind">
      <View className="wq-page">
        <View className="wq-card">
          <Text className="wq-hint">{t('merchant.bindHint')}</Text>
          <Field
            id="binding-code"
            label={t('merchant.code')}
            value={code}
            onChange={setCode}
            maxlength={64}
          />
          <NutButton id="bind" type="primary" block loading={busy} onClick={bind}>
            {t('merchant.bind')}
          </NutButton>
          <ErrorText message={error} />
        </View>
      </View>
    </Screen>
  );
}
