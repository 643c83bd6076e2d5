import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { MAX_ATTACHMENTS, type CaseView } from '@weiquan/shared';
import { api } from '../../api/endpoints';
import { CaseBody } from '../../components/case-parts';
import { NutRate } from '../../components/nut';
import { Screen } from '../../components/screen';
import { messageOf, useRemote } from '../../hooks/use-remote';
import { useT } from '../../i18n';
import { fenToYuan } from '../../lib/money';
import { actAs } from '../../lib/session';
import { pickPhotos } from '../evidence/pick-photos';
import { usePrivacyGate } from '../privacy/privacy-gate';
import { ConsumerActions } from './case-actions';

/** What became of the proposal: the consumer's answer after it, if any. */
export function proposalFate(c: CaseView): 'accepted' | 'rejected' | 'open' {
  const at = c.proposal?.at ?? '';
  const answer = [...c.timeline]
    .reverse()
    .find((e) => (e.type === 'accept_proposal' || e.type === 'reject_proposal') && e.at >= at);
  return answer?.type === 'accept_proposal' ? 'accepted' : answer ? 'rejected' : 'open';
}

export function ProposalCard({ c }: { c: CaseView }) {
  const t = useT();
  if (!c.proposal) return null;
  const fate = proposalFate(c);
  return (
    <View
      className={`wq-card wq-proposal ${fate === 'rejected' ? 'wq-rejected' : ''}`}
      data-testid="proposal"
      data-fate={fate}
    >
      <View className="wq-row">
        <Text className="wq-card-title">{t('case.proposal')}</Text>
        {fate !== 'open' && (
          <Text className="wq-rejected-tag" data-testid="proposal-fate">
            {t(fate === 'rejected' ? 'case.proposalRejected' : 'case.proposalAccepted')}
          </Text>
        )}
      </View>
      <Text className="wq-body">{c.proposal.text}</Text>
      {c.proposal.refundFen !== undefined && (
        <Text className="wq-strong">{t('case.refund', { amount: fenToYuan(c.proposal.refundFen) })}</Text>
      )}
    </View>
  );
}

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
