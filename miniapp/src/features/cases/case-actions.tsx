import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActionType, CaseView } from '@weiquan/shared';
import { useState } from 'react';
import { ErrorText, Field } from '../../components/field';
import { NutButton } from '../../components/nut';
import { NutRate } from '../../components/nut-progress-rate';
import { useCaseAction } from '../../hooks/use-case-action';
import { useT, type MessageKey } from '../../i18n';

type Panel = 'reject' | 'supplement' | 'rate' | 'follow_up' | null;

/** The consumer's buttons: exactly those in `allowedActions`, nothing else. */
export function ConsumerActions({
  c,
  onChange,
  onAddPhotos,
  initialPanel,
}: {
  c: CaseView;
  onChange: (c: CaseView) => void;
  onAddPhotos?: () => Promise<string[]>;
  /** opened straight away, e.g. 补充材料 from the duplicate warning (only when the action is allowed) */
  initialPanel?: string;
}) {
  const t = useT();
  const { run, busy, error } = useCaseAction(c, onChange, 'consumer');
  const [panel, setPanel] = useState<Panel>(() =>
    (initialPanel === 'supplement' || initialPanel === 'follow_up') && c.allowedActions.includes(initialPanel)
      ? initialPanel
      : null,
  );
  const [question, setQuestion] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [extra, setExtra] = useState<string[]>([]);
  const allowed = new Set<ActionType>(c.allowedActions);

  const withdraw = async () => {
    const res = await Taro.showModal({ title: t('case.withdraw'), content: t('case.withdrawConfirm') });
    if (res.confirm) await run({ type: 'withdraw' });
  };
  const done = (ok: boolean, said: MessageKey = 'common.done') => {
    if (ok) {
      setPanel(null);
      Taro.showToast({ title: t(said), icon: 'none' });
    }
  };
  // the two final answers to a proposal are asked twice, in plain words of what follows (the
  // buttons hold at most 4 Chinese characters or 8 letters: WeChat's and Taro's showModal rule)
  const confirmed = async (title: MessageKey, content: MessageKey, confirmText: MessageKey) =>
    (
      await Taro.showModal({
        title: t(title),
        content: t(content),
        confirmText: t(confirmText),
        cancelText: t('common.cancel'),
        confirmColor: '#b71c1c',
      })
    ).confirm;
  const acceptProposal = async () => {
    if (!(await confirmed('case.acceptTitle', 'case.acceptConfirm', 'case.acceptYes'))) return;
    done(await run({ type: 'accept_proposal' }), 'case.acceptedToast');
  };
  const rejectProposal = async () => {
    if (!(await confirmed('case.rejectTitle', 'case.rejectConfirm', 'case.rejectYes'))) return;
    done(await run({ type: 'reject_proposal', reason }), 'case.rejectedToast');
  };

  return (
    <View className="wq-actions" data-testid="case-actions">
      {allowed.has('accept_proposal') && (
        <NutButton
          id="action-accept_proposal"
          type="primary"
          loading={busy === 'accept_proposal'}
          onClick={acceptProposal}
        >
          {t('case.accept_proposal')}
        </NutButton>
      )}
      {allowed.has('reject_proposal') && (
        <NutButton id="action-reject_proposal" onClick={() => setPanel(panel === 'reject' ? null : 'reject')}>
          {t('case.reject_proposal')}
        </NutButton>
      )}
      {allowed.has('supplement') && (
        <NutButton
          id="action-supplement"
          onClick={() => setPanel(panel === 'supplement' ? null : 'supplement')}
        >
          {t('case.supplement')}
        </NutButton>
      )}
      {allowed.has('follow_up') && (
        <NutButton
          id="action-follow_up"
          type="primary"
          onClick={() => setPanel(panel === 'follow_up' ? null : 'follow_up')}
        >
          {t('case.follow_up')}
        </NutButton>
      )}
      {allowed.has('rate') && (
        <NutButton id="action-rate" type="primary" onClick={() => setPanel(panel === 'rate' ? null : 'rate')}>
          {t('case.rate')}
        </NutButton>
      )}
      {allowed.has('withdraw') && (
        <NutButton
          id="action-withdraw"
          type="danger"
          fill="outline"
          loading={busy === 'withdraw'}
          onClick={withdraw}
        >
          {t('case.withdraw')}
        </NutButton>
      )}

      {panel === 'reject' && (
        <View className="wq-card">
          <Text className="wq-hint" data-testid="reject-consequence">
            {t('case.rejectHint')}
          </Text>
          <Field
            id="reject-reason"
            label={t('case.rejectReason')}
            value={reason}
            onChange={setReason}
            multiline
          />
          <NutButton
            id="confirm-reject"
            type="primary"
            loading={busy === 'reject_proposal'}
            onClick={rejectProposal}
          >
            {t('case.rejectSend')}
          </NutButton>
        </View>
      )}
      {panel === 'supplement' && (
        <View className="wq-card">
          <Field
            id="supplement-text"
            label={t('case.supplementText')}
            value={note}
            onChange={setNote}
            multiline
          />
          {onAddPhotos && (
            <Button
              className="wq-link-button"
              onClick={async () => setExtra([...extra, ...(await onAddPhotos())])}
            >
              {t('wizard.evidence.add', { n: extra.length })}
            </Button>
          )}
          <NutButton
            id="confirm-supplement"
            type="primary"
            loading={busy === 'supplement'}
            onClick={async () =>
              done(
                await run({
                  type: 'supplement',
                  ...(note.trim() ? { text: note } : {}),
                  ...(extra.length ? { attachments: extra } : {}),
                }),
              )
            }
          >
            {t('common.send')}
          </NutButton>
        </View>
      )}
      {panel === 'follow_up' && (
        <View className="wq-card">
          <Field
            id="follow-up-text"
            label={t('case.followUpText')}
            hint={t('case.followUpHint')}
            value={question}
            onChange={setQuestion}
            multiline
            maxlength={1000}
          />
          <NutButton
            id="confirm-follow_up"
            type="primary"
            loading={busy === 'follow_up'}
            onClick={async () => done(await run({ type: 'follow_up', text: question }))}
          >
            {t('common.send')}
          </NutButton>
        </View>
      )}
      {panel === 'rate' && (
        <View className="wq-card">
          <Text className="wq-label">{t('case.rate')}</Text>
          <View id="rate-stars">
            <NutRate value={score} onChange={(v: number) => setScore(v)} />
          </View>
          <Field
            id="rate-comment"
            label={t('case.rateComment')}
            value={comment}
            onChange={setComment}
            multiline
          />
          <NutButton
            id="confirm-rate"
            type="primary"
            disabled={score < 1}
            loading={busy === 'rate'}
            onClick={async () =>
              done(await run({ type: 'rate', score, ...(comment.trim() ? { comment } : {}) }))
            }
          >
            {t('common.send')}
          </NutButton>
        </View>
      )}
      <ErrorText message={error} />
    </View>
  );
}
