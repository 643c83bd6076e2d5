import { Label, Switch, Text, View } from '@tarojs/components';
import { CATEGORIES } from '@weiquan/shared';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { Chips } from '../../components/chips';
import { DraftRestoredNotice } from '../../components/draft-notice';
import { ErrorText, Field } from '../../components/field';
import { Screen } from '../../components/screen';
import { useDraft } from '../../hooks/use-draft';
import { categoryLabel, useT } from '../../i18n';
import { draftPhotos, EvidencePhotos, usePhotoUploads } from '../evidence/photo-uploads';
import { MerchantPicker } from '../filing/merchant-picker';
import { useFilingSubmit } from '../filing/use-filing-submit';
import { useProfilePrefill } from '../filing/use-profile-prefill';
import { WizardNav, WizardProgress } from '../filing/wizard-nav';
import { reportDrafts, REPORT_STEPS, validateReport } from './report-form';

/** 我要举报: merchant, category, facts, photos, then anonymous (default) or real name, and review. */
export function ReportWizard() {
  const t = useT();
  // saved on every change with its Idempotency-Key: a retried submit is answered with the same case
  const drafts = useDraft(reportDrafts);
  const { draft, setDraft, setStep } = drafts;
  const form = draft.form;
  const step = draft.step;
  const filing = useFilingSubmit({
    drafts,
    validate: () => validateReport(form, t),
    steps: REPORT_STEPS,
    photos: form.photos,
    file: api.fileCase,
  });
  const { errors, update, submit, submitting, submitError } = filing;
  const [prefilled, setPrefilled] = useState(false);
  const photos = usePhotoUploads(form.photos, draftPhotos(setDraft));
  useProfilePrefill(form, setDraft, () => setPrefilled(true));

  const discard = () => {
    photos.abortAll();
    filing.discard();
  };

  return (
    <Screen title="title.report" onRetry={submitError ? submit : undefined} testId="page-report">
      <View className="wq-page">
        {drafts.restored && <DraftRestoredNotice onDiscard={discard} />}
        <WizardProgress steps={REPORT_STEPS} step={step} />

        {step === 0 && <MerchantPicker value={form} update={update} errors={errors} />}
        {step === 1 && (
          <View className="wq-card">
            <Text className="wq-label">{t('wizard.step.category')}</Text>
            <Chips
              name={t('wizard.step.category')}
              value={form.category}
              onChange={(category) => update({ category })}
              options={CATEGORIES.map((c) => ({ value: c.code, label: categoryLabel(t.lang, c.code) }))}
            />
            <ErrorText message={errors.category} />
          </View>
        )}
        {step === 2 && (
          <View className="wq-card">
            <Field
              id="facts"
              label={t('report.facts.label')}
              hint={t('report.facts.hint')}
              value={form.facts}
              onChange={(facts) => update({ facts })}
              error={errors.facts}
              multiline
              maxlength={2000}
            />
          </View>
        )}
        {step === 3 && <EvidencePhotos photos={form.photos} uploads={photos} error={errors.photos} />}
        {step === 4 && (
          <View className="wq-card">
            <View className="wq-notice" role="note" data-testid="identity-note">
              <Text>{t('report.identityNote')}</Text>
            </View>
            <View className="wq-switch-row">
              <Label for="report-anonymous" className="wq-label">
                {t('report.anonymous')}
              </Label>
              <Switch
                id="report-anonymous"
                nativeProps={{ 'aria-label': t('report.anonymous') }}
                checked={form.anonymous}
                onChange={(e) => update({ anonymous: !!e.detail.value })}
              />
            </View>
            {form.anonymous ? (
              <Text className="wq-hint">{t('report.anonymousHint')}</Text>
            ) : (
              <View data-testid="reporter-fields">
                {prefilled && <Text className="wq-hint">{t('report.prefilled')}</Text>}
                <Field
                  id="reporter-name"
                  label={t('wizard.contact.name')}
                  value={form.name}
                  onChange={(name) => update({ name })}
                  error={errors.name}
                />
                <Field
                  id="reporter-phone"
                  type="number"
                  label={t('wizard.contact.phone')}
                  value={form.phone}
                  onChange={(phone) => update({ phone })}
                  error={errors.phone}
                />
                <Field
                  id="reporter-address"
                  label={t('wizard.contact.address')}
                  value={form.address}
                  onChange={(address) => update({ address })}
                  error={errors.address}
                />
              </View>
            )}
          </View>
        )}
        {step === 5 && (
          <View className="wq-card" data-testid="review">
            {(
              [
                [
                  t('report.step.merchant'),
                  form.merchantMode === 'directory'
                    ? (form.merchant?.name ?? '')
                    : `${form.merchantName} (${form.merchantAddress})`,
                ],
                [t('wizard.step.category'), form.category ? categoryLabel(t.lang, form.category) : ''],
                [t('report.facts.label'), form.facts],
                [t('wizard.step.evidence'), t('wizard.review.photos', { n: form.photos.length })],
                [
                  t('report.review.identity'),
                  form.anonymous ? t('report.anonymous') : `${form.name} ${form.phone}`,
                ],
              ] as Array<[string, string]>
            ).map(([k, v]) => (
              <View key={k} className="wq-review-row">
                <Text className="wq-label">{k}</Text>
                <Text className="wq-body">{v}</Text>
              </View>
            ))}
            <Text className="wq-hint">{t('report.identityNote')}</Text>
          </View>
        )}

        <ErrorText message={submitError} />
        <WizardNav
          steps={REPORT_STEPS}
          step={step}
          setStep={setStep}
          onNext={filing.next}
          onSubmit={submit}
          submitting={submitting}
          submitLabel="report.submit"
        />
      </View>
      {photos.privacyDialog}
    </Screen>
  );
}
