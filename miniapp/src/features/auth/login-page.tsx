import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MetaAnswer } from '@weiquan/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorText, Field } from '../../components/field';
import { NutButton } from '../../components/nut';
import { Screen } from '../../components/screen';
import { messageOf } from '../../hooks/use-remote';
import { useT } from '../../i18n';
import { isWeapp } from '../../lib/platform';
import { ROUTES } from '../../routes';
import { loginAsDemo, loginWithWechat } from '../../lib/login';

function leave() {
  const pages = Taro.getCurrentPages?.() ?? [];
  if (pages.length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: ROUTES.home });
}

export function LoginPage() {
  const t = useT();
  const [meta, setMeta] = useState<MetaAnswer>();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loadMeta = () => api.meta().then(setMeta, (e) => setError(messageOf(e)));
  useEffect(() => void loadMeta(), []);

  const attempt = async (login: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await login();
      leave();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const demo = meta?.mode === 'emulator';
  return (
    <Screen title="title.login" onRetry={loadMeta} testId="page-login">
      <View className="wq-page">
        <Text className="wq-hero-title">{t('app.name')}</Text>
        {isWeapp() && (
          <NutButton
            id="login-wechat"
            type="primary"
            block
            loading={busy}
            onClick={() => attempt(() => loginWithWechat())}
          >
            {t('login.wechat')}
          </NutButton>
        )}
        {!isWeapp() && demo && (
          <View className="wq-card">
            <Text className="wq-hint">{t('login.demoHint')}</Text>
            <Field id="demo-name" label={t('login.name')} value={name} onChange={setName} maxlength={40} />
            <NutButton
              id="login-demo"
              type="primary"
              block
              loading={busy}
              disabled={!name.trim()}
              onClick={() => attempt(() => loginAsDemo(name))}
            >
              {t('login.demo')}
            </NutButton>
          </View>
        )}
        {!isWeapp() && meta && !demo && <Text className="wq-hint">{t('login.unavailable')}</Text>}
        <ErrorText message={error} />
      </View>
    </Screen>
  );
}
