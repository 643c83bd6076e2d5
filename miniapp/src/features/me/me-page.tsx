import { Button, Label, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { profileBody } from '@weiquan/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { Chips } from '../../components/chips';
import { ErrorText, Field } from '../../components/field';
import { NutButton } from '../../components/nut';
import { Screen } from '../../components/screen';
import { messageOf } from '../../hooks/use-remote';
import { LANGUAGES, settings, updateSettings, useT, type Language, type MessageKey } from '../../i18n';
import { actAs, clearSession, sessions } from '../../lib/session';
import { useStore } from '../../lib/store';
import { go, ROUTES } from '../../routes';
import { ensureConsumer } from '../../lib/login';
import { VerifiedPhone } from '../phone/verified-phone';

type ProfileField = 'name' | 'phone' | 'address' | 'idNumber';
const FIELD_ERROR: Record<ProfileField, MessageKey> = {
  name: 'error.required',
  phone: 'error.phone',
  address: 'error.tooShort',
  idNumber: 'error.idNumber',
};

export function MePage() {
  const t = useT();
  const { lang, largeText } = useStore(settings);
  const { consumer } = useStore(sessions);
  const [profile, setProfile] = useState({ name: '', phone: '', address: '', idNumber: '' });
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [savedName, setSavedName] = useState('');

  const load = async () => {
    if (!(await ensureConsumer())) return;
    try {
      const me = await api.me();
      setSavedName(me.profile?.name ?? '');
      if (me.profile)
        setProfile({
          name: me.profile.name,
          phone: me.profile.phone,
          address: me.profile.address,
          idNumber: me.profile.idNumber ?? '',
        });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useEffect(() => void load(), []);

  const save = async () => {
    const body = {
      name: profile.name,
      phone: profile.phone,
      address: profile.address,
      ...(profile.idNumber.trim() ? { idNumber: profile.idNumber } : {}),
    };
    const parsed = profileBody.safeParse(body);
    if (!parsed.success) {
      const next: Partial<Record<ProfileField, string>> = {};
      for (const issue of parsed.error.issues) {
        const f = issue.path[0] as ProfileField;
        next[f] ??= t(FIELD_ERROR[f], { min: 2 });
      }
      setErrors(next);
      return;
    }
    setErrors({});
    try {
      await api.saveProfile(parsed.data);
      setSavedName(parsed.data.name);
      Taro.showToast({ title: t('common.saved'), icon: 'success' });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const set = (k: ProfileField) => (v: string) => setProfile((p) => ({ ...p, [k]: v }));
  return (
    <Screen title="title.me" onRetry={load} testId="page-me" tab="me">
      <View className="wq-page">
        {consumer && (
          <Text className="wq-greeting" data-testid="me-name">
            {savedName ? t('me.hello', { name: savedName }) : t('me.noName')}
          </Text>
        )}
        <View className="wq-card">
          <Text className="wq-card-title">{t('me.profile')}</Text>
          <Field
            id="profile-name"
            label={t('wizard.contact.name')}
            value={profile.name}
            onChange={set('name')}
            error={errors.name}
          />
          <Field
            id="profile-phone"
            type="number"
            label={t('wizard.contact.phone')}
            value={profile.phone}
            onChange={set('phone')}
            error={errors.phone}
          />
          {consumer && <VerifiedPhone phone={profile.phone} onVerified={set('phone')} />}
          <Field
            id="profile-address"
            label={t('wizard.contact.address')}
            value={profile.address}
            onChange={set('address')}
            error={errors.address}
          />
          <Field
            id="profile-id"
            type="idcard"
            label={t('me.idNumber')}
            value={profile.idNumber}
            onChange={set('idNumber')}
            error={errors.idNumber}
          />
          <NutButton id="profile-save" type="primary" block onClick={save}>
            {t('common.save')}
          </NutButton>
          <ErrorText message={error} />
        </View>
        <View className="wq-card">
          <Text className="wq-card-title">{t('me.language')}</Text>
          <Chips<Language>
            name={t('me.language')}
            value={lang}
            onChange={(l) => updateSettings({ lang: l })}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
          />
          <View className="wq-switch-row">
            <Label for="large-text" className="wq-label">
              {t('me.largeText')}
            </Label>
            <Switch
              id="large-text"
              nativeProps={{ 'aria-label': t('me.largeText') }}
              checked={largeText}
              onChange={(e) => updateSettings({ largeText: !!e.detail.value })}
            />
          </View>
        </View>
        <View className="wq-card">
          <Text className="wq-card-title">{t('me.privacy')}</Text>
          <Text className="wq-body">{t('me.privacyText')}</Text>
          <Button id="privacy-page" className="wq-link-button" onClick={() => go(ROUTES.privacy)}>
            {t('privacy.more')}
          </Button>
        </View>
        {consumer && (
          <NutButton
            id="logout"
            block
            onClick={() => {
              clearSession('consumer');
              clearSession('merchant');
              actAs('consumer');
              void Taro.reLaunch({ url: ROUTES.home });
            }}
          >
            {t('me.logout')}
          </NutButton>
        )}
      </View>
    </Screen>
  );
}
