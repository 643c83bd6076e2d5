import { Text, View } from '@tarojs/components';
import type { CaseView } from '@weiquan/shared';
import { useT } from '../i18n';
import { fenToYuan } from '../lib/money';

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
