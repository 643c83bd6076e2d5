import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { useT } from '../../i18n';
import { isWeapp } from '../../lib/platform';

const MOBILE = /^1[3-9]\d{9}$/;

interface Props {
  /** what the phone field holds now */
  phone: string;
  /** the number WeChat verified, for the form to put into its phone field */
  onVerified: (phone: string) => void;
}

/**
 * Beside a phone field: WeChat's getPhoneNumber button (the mini-program; the BFF exchanges the code
 * at getuserphonenumber), and the mark when the field holds the verified number. H5 has no such
 * button: it shows one only in emulator mode, verifying the typed number as `dev:<number>`.
 */
export function VerifiedPhone({ phone, onVerified }: Props) {
  const t = useT();
  const [verified, setVerified] = useState<string | null>(null);
  const [demo, setDemo] = useState(false);

  useEffect(() => {
    void api.me().then(
      (me) => setVerified(me.verifiedPhone ?? null),
      () => undefined,
    );
    if (!isWeapp())
      void api.meta().then(
        (m) => setDemo(m.mode === 'emulator'),
        () => undefined,
      );
  }, []);

  const exchange = async (code: string) => {
    try {
      await api.savePhone(code);
      // the answer is masked: the full number reads back from GET /me, as the profile does
      const me = await api.me();
      if (me.verifiedPhone) {
        setVerified(me.verifiedPhone);
        onVerified(me.verifiedPhone);
      }
    } catch {
      Taro.showToast({ title: t('phone.failed'), icon: 'none' });
    }
  };

  const isVerified = verified !== null && phone.trim() === verified;
  return (
    <View className="wq-row">
      {isVerified && (
        <Text id="phone-verified" className="wq-verified">
          {t('phone.verified')}
        </Text>
      )}
      {isWeapp() && !isVerified && (
        <Button
          id="phone-verify"
          className="wq-link-button"
          openType="getPhoneNumber"
          onGetPhoneNumber={(e: { detail: { code?: string } }) => {
            // no code: the person refused, or the app has no quota left; the field stays as typed
            if (e.detail.code) void exchange(e.detail.code);
            else Taro.showToast({ title: t('phone.failed'), icon: 'none' });
          }}
        >
          {t('phone.verify')}
        </Button>
      )}
      {!isWeapp() && demo && !isVerified && MOBILE.test(phone.trim()) && (
        <Button
          id="phone-verify"
          className="wq-link-button"
          onClick={() => void exchange(`dev:${phone.trim()}`)}
        >
          {t('phone.demo')}
        </Button>
      )}
    </View>
  );
}
