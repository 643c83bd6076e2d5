import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { MAX_ATTACHMENTS } from '@weiquan/shared';
import { api } from '../../api/endpoints';
import { CaseBody } from '../../components/case-parts';
import { ProposalCard } from '../../components/proposal-card';
import { NutRate } from '../../components/nut-progress-rate';
import { Screen } from '../../components/screen';
import { messageOf, useRemote } from '../../hooks/use-remote';
import { useT } from '../../i18n';
import { actAs } from '../../lib/session';
import { pickPhotos } from '../evidence/pick-photos';
import { usePrivacyGate } from '../privacy/privacy-gate';
import { ConsumerActions } from './case-actions';

export function CaseDetailPage() {
  const t = useT();
  const { params } = useRouter();
  const id = params.id ?? '';
  const panel = params.panel;
  const remote = useRemote(() => api.getCase(id), [id], !!id);
  useDidShow(() => actAs('consumer'));
  const c = remote.data;
  const privacy = usePrivacyGate();
  // 补充材料: pick, then upload one by one; answers the upload ids for the supplement action
  const addPhotos = async (): Promise<string[]> => {
    if (!(await privacy.ensure())) return [];
    const ids: string[] = [];
    for (const path of await pickPhotos(MAX_ATTACHMENTS)) {
      try {
        ids.push((await api.upload(path, () => undefined).promise).id);
      } catch (e) {
        Taro.showToast({ title: messageOf(e), icon: 'none' });
      }
    }
    return ids;
  };
  return (
    <Screen
      title={
        c?.kind === 'report'
          ? 'title.reportCase'
          : c?.kind === 'consultation'
            ? 'title.consultCase'
            : 'title.case'
      }
      onRetry={remote.reload}
      testId="page-case"
    >
      <CaseBody remote={remote} reader="consumer">
        {(c) => (
          <>
            <ProposalCard c={c} />
            {c.rating && (
              <View className="wq-card">
                <Text>{t('case.rated', { score: c.rating.score })}</Text>
                <NutRate value={c.rating.score} readOnly />
              </View>
            )}
            <ConsumerActions
              c={c}
              onAddPhotos={addPhotos}
              initialPanel={panel}
              onChange={(next) => {
                remote.setData(next);
                Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
              }}
            />
          </>
        )}
      </CaseBody>
      {privacy.dialog}
    </Screen>
  );
}
