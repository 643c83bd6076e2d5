import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CaseView } from '@weiquan/shared';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { CASE_NO, NextStep } from '../../components/case-parts';
import { ErrorText } from '../../components/field';
import { NutButton } from '../../components/nut';
import { RemoteStatus } from '../../components/remote-status';
import { Screen } from '../../components/screen';
import { messageOf, useRemote } from '../../hooks/use-remote';
import { useT, type MessageKey } from '../../i18n';
import { ROUTES } from '../../routes';
import { contactToOffer, declineProfileOffer, profileWith, rememberProfile } from './profile-offer';

const RECEIVED: Record<CaseView['kind'], MessageKey> = {
  complaint: 'filed.complaint',
  report: 'filed.report',
  consultation: 'filed.consultation',
};

/** Offered once: keep the real-name details just typed in 我的, so the next filing starts filled in. */
function SaveProfileOffer() {
  const t = useT();
  const [offer, setOffer] = useState(contactToOffer);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (saved) return <Text className="wq-hint">{t('filed.profileSaved')}</Text>;
  if (!offer) return null;
  const save = async () => {
    try {
      const me = await api.saveProfile(profileWith(offer));
      rememberProfile(me.profile);
      setSaved(true);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <View className="wq-card" data-testid="profile-offer">
      <Text className="wq-body">{t('filed.profileAsk')}</Text>
      <Text className="wq-muted">
        {offer.name} · {offer.phone} · {offer.address}
      </Text>
      <View className="wq-nav-row">
        <NutButton
          id="profile-offer-no"
          onClick={() => {
            declineProfileOffer();
            setOffer(undefined);
          }}
        >
          {t('filed.profileNo')}
        </NutButton>
        <NutButton id="profile-offer-save" type="primary" onClick={save}>
          {t('filed.profileYes')}
        </NutButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

/** After every filing: received, its number, what happens next and by when, and the two ways on. */
export function FiledPage() {
  const t = useT();
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => api.getCase(id), [id], !!id);
  const c = remote.data;
  const subscribed = params.subscribed === undefined ? undefined : Number(params.subscribed);
  return (
    <Screen title="title.filed" onRetry={remote.reload} testId="page-filed">
      <View className="wq-page">
        <RemoteStatus remote={remote} />
        {c && (
          <View className="wq-card wq-result" data-testid="filed" data-case-id={c.id}>
            <Text className="wq-result-mark" aria-hidden="true">
              ✓
            </Text>
            <Text className="wq-card-title">{t(RECEIVED[c.kind])}</Text>
            <Text className="wq-label">{t(CASE_NO[c.kind], { caseNo: '' }).trim()}</Text>
            <Text className="wq-result-no" data-testid="filed-case-no">
              {c.caseNo}
            </Text>
            <NextStep c={c} reader="consumer" />
            <Text className="wq-hint">
              {subscribed === undefined ? t('filed.followInApp') : t('filed.subscribed', { n: subscribed })}
            </Text>
            <NutButton
              id="filed-progress"
              type="primary"
              block
              onClick={() => void Taro.redirectTo({ url: `${ROUTES.case}?id=${c.id}` })}
            >
              {t('filed.progress')}
            </NutButton>
            <NutButton id="filed-home" block onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
              {t('filed.home')}
            </NutButton>
          </View>
        )}
        {c && c.kind !== 'consultation' && <SaveProfileOffer />}
      </View>
    </Screen>
  );
}
