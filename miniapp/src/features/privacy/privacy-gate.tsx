import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { isWeapp } from '../../lib/platform';
import { go, ROUTES } from '../../routes';

/**
 * WeChat's privacy rule (since 2023-09): chooseMedia and friends work only after the person agrees
 * to the privacy guide. `ensure()` asks WeChat whether consent is still needed and, if so, shows
 * the agree button (open-type agreePrivacyAuthorization). H5 has no such API and passes straight on.
 */
export function usePrivacyGate() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const settle = useRef<(ok: boolean) => void>();
  // WeChat's own prompt hook: a privacy API called before consent waits for this resolve
  const wechatResolve = useRef<(r: { event: 'agree' | 'disagree'; buttonId?: string }) => void>();

  useEffect(() => {
    if (!isWeapp()) return;
    Taro.onNeedPrivacyAuthorization(
      (resolve: (r: { event: 'agree' | 'disagree'; buttonId?: string }) => void) => {
        wechatResolve.current = resolve;
        setOpen(true);
      },
    );
  }, []);

  const ensure = useCallback((): Promise<boolean> => {
    if (!isWeapp()) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      Taro.getPrivacySetting({
        success: (res: { needAuthorization: boolean }) => {
          if (!res.needAuthorization) return resolve(true);
          settle.current = resolve;
          setOpen(true);
        },
        fail: () => resolve(true),
      });
    });
  }, []);

  const finish = (ok: boolean) => {
    setOpen(false);
    wechatResolve.current?.(ok ? { event: 'agree', buttonId: 'agree-privacy' } : { event: 'disagree' });
    wechatResolve.current = undefined;
    settle.current?.(ok);
    settle.current = undefined;
  };

  const dialog = open ? (
    <View className="wq-dialog" role="dialog" aria-modal="true" aria-labelledby="privacy-title">
      <View className="wq-dialog-body">
        <Text id="privacy-title" className="wq-card-title">
          {t('privacy.title')}
        </Text>
        <Text className="wq-body">{t('privacy.text')}</Text>
        <Button className="wq-link-button" onClick={() => Taro.openPrivacyContract({})}>
          {t('privacy.read')}
        </Button>
        <Button id="privacy-more" className="wq-link-button" onClick={() => go(ROUTES.privacy)}>
          {t('privacy.more')}
        </Button>
        <View className="wq-row">
          <Button className="wq-button-secondary" onClick={() => finish(false)}>
            {t('privacy.decline')}
          </Button>
          <Button
            id="agree-privacy"
            className="wq-button-primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => finish(true)}
          >
            {t('privacy.agree')}
          </Button>
        </View>
      </View>
    </View>
  ) : null;

  return { ensure, dialog };
}
