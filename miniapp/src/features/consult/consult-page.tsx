import { Text, View } from '@tarojs/components';
import { CATEGORIES, consultationFiling, type FaqEntry } from '@weiquan/shared';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { Chips } from '../../components/chips';
import { ErrorText, Field } from '../../components/field';
import { NutButton } from '../../components/nut';
import { DraftRestoredNotice } from '../../components/draft-notice';
import { Screen } from '../../components/screen';
import { useDraft } from '../../hooks/use-draft';
import { messageOf } from '../../hooks/use-remote';
import { categoryLabel, useT, type Translate } from '../../i18n';
import { draftStore } from '../../lib/draft';
import { ensureConsumer } from '../../lib/login';
import { messageFor } from '../filing/field-messages';
import { useFilingSubmit, type Errors as FilingErrors } from '../filing/use-filing-submit';

/** Typing pauses this long before the FAQ is searched (one request per pause, not per key). */
export const FAQ_DEBOUNCE_MS = 300;

export interface ConsultForm {
  /** the FAQ search as typed */
  q: string;
  /** the question form is open */
  asking: boolean;
  category: string;
  question: string;
}
export const CONSULT_DRAFT_KEY = 'wq.draft.consultation';
export const consultDrafts = draftStore<ConsultForm>(CONSULT_DRAFT_KEY, () => ({
  q: '',
  asking: false,
  category: '',
  question: '',
}));

type Errors = FilingErrors<'category' | 'question'>;

export function validateConsultation(category: string, question: string, t: Translate) {
  const result = consultationFiling.safeParse({
    kind: 'consultation',
    category: category || undefined,
    question,
  });
  if (result.success) return { errors: {} as Errors, body: result.data };
  const errors: Errors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] === 'category' ? 'category' : 'question';
    errors[field] ??=
      field === 'category'
        ? t('error.category')
        : messageFor('facts', issue as never, t, question.trim() === '');
  }
  return { errors };
}

/** 我要咨询: the published answers first (searched as the person types), then the question form. */
export function ConsultPage() {
  const t = useT();
  // saved on every change with its Idempotency-Key: a retried submit is answered with the same case
  const drafts = useDraft(consultDrafts);
  const { q, asking, category, question } = drafts.draft.form;
  const setQ = (value: string) => drafts.update({ q: value });
  const [hits, setHits] = useState<FaqEntry[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const filing = useFilingSubmit({
    drafts,
    validate: () => validateConsultation(category, question, t),
    // the FAQ needs no login: the question asks for it only now, after the subscribe request
    beforeFiling: ensureConsumer,
    file: api.fileCase,
  });
  const { errors, update, submit, submitting, submitError } = filing;
  const latest = useRef(0);

  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setHits(null);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const answer = await api.faq(query);
        // an older, slower answer must not replace the one for what is typed now
        if (ticket === latest.current) {
          setHits(answer.items);
          setSearchError(null);
        }
      } catch (e) {
        if (ticket === latest.current) setSearchError(messageOf(e));
      } finally {
        if (ticket === latest.current) setSearching(false);
      }
    }, FAQ_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  // the search words stay the search: the question is the person's own (shown beside it, not typed in)
  const ask = () => drafts.update({ asking: true });

  return (
    <Screen title="title.consult" testId="page-consult">
      <View className="wq-page">
        {drafts.restored && <DraftRestoredNotice onDiscard={filing.discard} />}
        <View className="wq-card">
          <Field
            id="faq-q"
            label={t('consult.search')}
            placeholder={t('consult.placeholder')}
            value={q}
            onChange={setQ}
            maxlength={100}
          />
          {searching && <Text className="wq-muted">{t('consult.searching')}</Text>}
          <ErrorText message={searchError} />
          {hits && !searching && (
            <View className="wq-hint" role="status" data-testid="faq-count">
              {hits.length ? t('consult.matches', { n: hits.length }) : t('consult.noMatch')}
            </View>
          )}
        </View>
        {hits?.map((h) => (
          <View key={h.id} className="wq-card wq-faq" data-faq-id={h.id}>
            <Text className="wq-strong">{h.question}</Text>
            <Text className="wq-muted">{categoryLabel(t.lang, h.category)}</Text>
            <Text className="wq-body">{h.answer}</Text>
          </View>
        ))}
        {!asking ? (
          <NutButton id="consult-ask" block onClick={ask}>
            {t('consult.ask')}
          </NutButton>
        ) : (
          <View className="wq-card" data-testid="consult-form">
            <Text className="wq-label">{t('wizard.step.category')}</Text>
            <Chips
              name={t('wizard.step.category')}
              value={category}
              onChange={(c) => update({ category: c })}
              options={CATEGORIES.map((c) => ({ value: c.code, label: categoryLabel(t.lang, c.code) }))}
            />
            <ErrorText message={errors.category} />
            <Field
              id="consult-question"
              label={t('consult.question')}
              hint={q.trim() ? t('consult.searchedFor', { q: q.trim() }) : t('consult.questionHint')}
              value={question}
              onChange={(v) => update({ question: v })}
              error={errors.question}
              multiline
              maxlength={1000}
            />
            <ErrorText message={submitError} />
            <NutButton
              id="consult-submit"
              type="primary"
              block
              loading={submitting}
              disabled={submitting}
              onClick={submit}
            >
              {t('consult.submit')}
            </NutButton>
          </View>
        )}
      </View>
    </Screen>
  );
}
