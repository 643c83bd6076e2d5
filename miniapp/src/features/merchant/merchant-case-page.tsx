import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { CaseView } from '@weiquan/shared';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { CaseBody } from '../../components/case-parts';
import { ProposalCard } from '../../components/proposal-card';
import { useCaseAction } from '../../hooks/use-case-action';
import { ErrorText, Field } from '../../components/field';
import { NutButton } from '../../components/nut';
import { Screen } from '../../components/screen';
import { useRemote } from '../../hooks/use-remote';
import { useT } from '../../i18n';
import { yuanToFen } from '../../lib/money';
import { actAs } from '../../lib/session';

function Contact({ c }: { c: CaseView }) {
  const t = useT();
  if (!c.complainant) return null;
  return (
    <View className="wq-card" data-testid="complainant">
      <Text className="wq-card-title">{t('case.contact')}</Text>
      <Text className="wq-body">
        {c.complainant.name} · {c.complainant.phone}
      </Text>
      <Text className="wq-body">{c.complainant.address}</Text>
      {(c.contactMasked ?? !c.shareContactWithMerchant) && (
        <Text className="wq-hint">{t('case.contactMasked')}</Text>
      )}
    </View>
  );
}

/** 提出方案 (text and a refund typed in yuan, sent in fen) and 留言, when `allowedActions` has them. */
export function MerchantReply({ c, onChange }: { c: CaseView; onChange: (c: CaseView) => void }) {
  const t = useT();
  const { run, busy, error } = useCaseAction(c, onChange, 'merchant');
  const [text, setText] = useState('');
  const [refund, setRefund] = useState('');
  const [refundError, setRefundError] = useState<string>();
  const [message, setMessage] = useState('');
  const allowed = new Set(c.allowedActions);

  const propose = async () => {
    const refundFen = yuanToFen(refund);
    if (refundFen !== undefined && Number.isNaN(refundFen)) {
      setRefundError(t('error.amount'));
      return;
    }
    setRefundError(undefined);
    if (await run({ type: 'propose', text, ...(refundFen === undefined ? {} : { refundFen }) })) {
      setText('');
      setRefund('');
      Taro.showToast({ title: t('common.done'), icon: 'none' });
    }
  };
  const send = async () => {
    if (await run({ type: 'message', text: message })) setMessage('');
  };

  return (
    <View data-testid="merchant-reply">
      {allowed.has('propose') && (
        <View className="wq-card">
          <Text className="wq-card-title">{t('merchant.propose')}</Text>
          <Field
            id="proposal-text"
            label={t('merchant.proposeText')}
            value={text}
            onChange={setText}
            multiline
            maxlength={2000}
          />
          <Field
            id="proposal-refund"
            type="digit"
            label={t('merchant.refundYuan')}
            value={refund}
            onChange={setRefund}
            error={refundError}
          />
          <NutButton
            id="action-propose"
            type="primary"
            block
            loading={busy === 'propose'}
            disabled={!text.trim()}
            onClick={propose}
          >
            {t('merchant.propose')}
          </NutButton>
        </View>
      )}
      {allowed.has('message') && (
        <View className="wq-card">
          <Field
            id="message-text"
            label={t('merchant.messageText')}
            value={message}
            onChange={setMessage}
            multiline
            maxlength={2000}
          />
          <NutButton
            id="action-message"
            block
            loading={busy === 'message'}
            disabled={!message.trim()}
            onClick={send}
          >
            {t('merchant.message')}
          </NutButton>
        </View>
      )}
      <ErrorText message={error} />
    </View>
  );
}

export function MerchantCasePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const remote = useRemote(() => api.getCase(id, 'merchant'), [id], !!id);
  useDidShow(() => actAs('merchant'));
  return (
    <Screen title="title.merchantCase" onRetry={remote.reload} testId="page-merchant-case">
      <CaseBody remote={remote} reader="merchant">
        {(c) => (
          <>
            <Contact c={c} />
            <ProposalCard c={c} />
            <MerchantReply c={c} onChange={remote.setData} />
          </>
        )}
      </CaseBody>
    </Screen>
  );
}
