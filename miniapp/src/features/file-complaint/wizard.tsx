import { Button, Label, Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { beijingDate, CATEGORIES, DEMAND_TYPES } from '@weiquan/shared';
import { api } from '../../api/endpoints';
import { Chips } from '../../components/chips';
import { DraftRestoredNotice } from '../../components/draft-notice';
import { DateField } from '../../components/date-field';
import { ErrorText, Field } from '../../components/field';
import { NutTag } from '../../components/nut';
import { Screen } from '../../components/screen';
import { useDraft } from '../../hooks/use-draft';
import { CHANNEL, demandKey } from '../../components/case-parts';
import { categoryLabel, useT } from '../../i18n';
import { go, ROUTES } from '../../routes';
import { draftPhotos, EvidencePhotos, usePhotoUploads } from '../evidence/photo-uploads';
import { useFilingSubmit } from '../filing/use-filing-submit';
import { useProfilePrefill } from '../filing/use-profile-prefill';
import { WizardNav, WizardProgress } from '../filing/wizard-nav';
import { DuplicateWarning, MerchantPicker, useOpenCasesAgainst } from '../filing/merchant-picker';
import { complaintDrafts, type ComplaintForm } from './draft';
import { VerifiedPhone } from '../phone/verified-phone';
import { STEPS, validateForm } from './validation';

export function FileComplaintWizard() {
  const t = useT();
  // the draft saves itself on every change, so closing the app loses nothing
  const drafts = useDraft(complaintDrafts);
  const { draft, setDraft, setStep } = drafts;
  const form = draft.form;
  const step = draft.step;
  const filing = useFilingSubmit({
    drafts,
    validate: () => validateForm(form, t),
    steps: STEPS,
    photos: form.photos,
    file: api.fileComplaint,
  });
  const { errors, setErrors, update, submit, submitting, submitError } = filing;
  const photos = usePhotoUploads(form.photos, draftPhotos(setDraft));
  const [prefilled, setPrefilled] = useState(false);
  useProfilePrefill(form, setDraft, () => setPrefilled(true));

  // the duplicate question must be answered before leaving the merchant step
  const openAgainst = useOpenCasesAgainst(form.merchantMode === 'directory' ? form.merchant?.id : undefined);
  const duplicatePending = step === 0 && openAgainst.length > 0 && draft.notDuplicateOf !== form.merchant?.id;
  const next = () => filing.next(duplicatePending ? { merchant: t('dup.question') } : {});

  const discard = () => {
    photos.abortAll();
    filing.discard();
  };

  return (
    <Screen title="title.file" onRetry={submitError ? submit : undefined} testId="page-file">
      <View className="wq-page">
        {drafts.restored && <DraftRestoredNotice onDiscard={discard} />}
        <WizardProgress steps={STEPS} step={step} />

        {step === 0 && <MerchantPicker value={form} update={update} errors={errors} />}
        {duplicatePending && (
          <DuplicateWarning
            open={openAgainst}
            onSupplement={(c) => go(ROUTES.case, { id: c.id, panel: 'supplement' })}
            onContinue={() => {
              setDraft((d) => ({ ...d, notDuplicateOf: form.merchant?.id }));
              setErrors({});
            }}
          />
        )}
        {step === 1 && (
          <View className="wq-card">
            <Text className="wq-label" id="category-label">
              {t('wizard.step.category')}
            </Text>
            <Chips
              name={t('wizard.step.category')}
              value={form.category}
              onChange={(category) => update({ category })}
              options={CATEGORIES.map((c) => ({
                value: c.code,
                label: `${categoryLabel(t.lang, c.code)}${c.greenChannel ? ` · ${t('badge.greenChannel')}` : ''}`,
              }))}
            />
            <ErrorText message={errors.category} />
          </View>
        )}
        {step === 2 && (
          <View className="wq-card">
            <Field
              id="facts"
              label={t('wizard.facts.label')}
              hint={t('wizard.facts.hint')}
              value={form.facts}
              onChange={(facts) => update({ facts })}
              error={errors.facts}
              multiline
              maxlength={2000}
            />
          </View>
        )}
        {step === 3 && (
          <View className="wq-card">
            <Text className="wq-label">{t('wizard.demand.type')}</Text>
            <Chips
              name={t('wizard.demand.type')}
              value={form.demandType}
              onChange={(demandType) => update({ demandType })}
              options={DEMAND_TYPES.map((d) => ({ value: d, label: t(demandKey(d)) }))}
            />
            <ErrorText message={errors.demandType} />
            <Field
              id="demand-amount"
              type="digit"
              label={t('wizard.demand.amount')}
              value={form.demandAmount}
              onChange={(demandAmount) => update({ demandAmount })}
              error={errors.demandAmount}
            />
          </View>
        )}
        {step === 4 && (
          <View className="wq-card">
            <Field
              id="purchase-amount"
              type="digit"
              label={t('wizard.purchase.amount')}
              value={form.purchaseAmount}
              onChange={(purchaseAmount) => update({ purchaseAmount })}
              error={errors.purchaseAmount}
            />
            <DateField
              id="occurred-on"
              label={t('wizard.purchase.occurredOn')}
              value={form.occurredOn}
              onChange={(occurredOn) => update({ occurredOn })}
              error={errors.occurredOn}
            />
            <Button
              id="today"
              className="wq-link-button"
              onClick={() => update({ occurredOn: beijingDate(new Date()) })}
            >
              {t('wizard.purchase.today')}
            </Button>
            <Text className="wq-label">{t('wizard.purchase.channel')}</Text>
            <Chips
              name={t('wizard.purchase.channel')}
              value={form.channel}
              onChange={(channel) => update({ channel })}
              options={[
                { value: 'offline', label: t('channel.offline') },
                { value: 'online', label: t('channel.online') },
              ]}
            />
            <ErrorText message={errors.channel} />
            <Field
              id="order-no"
              label={t('wizard.purchase.orderNo')}
              value={form.orderNo}
              onChange={(orderNo) => update({ orderNo })}
              error={errors.orderNo}
            />
          </View>
        )}
        {step === 5 && <EvidencePhotos photos={form.photos} uploads={photos} centreOnly />}
        {step === 6 && (
          <View className="wq-card">
            <Text className="wq-hint">{t('wizard.contact.hint')}</Text>
            {prefilled && (
              <Text className="wq-hint" data-testid="prefilled">
                {t('wizard.contact.prefilled')}
              </Text>
            )}
            <Field
              id="contact-name"
              label={t('wizard.contact.name')}
              value={form.name}
              onChange={(name) => update({ name })}
              error={errors.name}
            />
            <Field
              id="contact-phone"
              type="number"
              label={t('wizard.contact.phone')}
              value={form.phone}
              onChange={(phone) => update({ phone })}
              error={errors.phone}
            />
            <VerifiedPhone phone={form.phone} onVerified={(phone) => update({ phone })} />
            <Field
              id="contact-address"
              label={t('wizard.contact.address')}
              value={form.address}
              onChange={(address) => update({ address })}
              error={errors.address}
            />
            <View className="wq-switch-row">
              <Label for="share-contact" className="wq-label">
                {t('wizard.contact.share')}
              </Label>
              <Switch
                id="share-contact"
                nativeProps={{ 'aria-label': t('wizard.contact.share') }}
                checked={form.share}
                onChange={(e) => update({ share: !!e.detail.value })}
              />
            </View>
            <Text className="wq-hint">{t('wizard.contact.shareHint')}</Text>
          </View>
        )}
        {step === 7 && <Review form={form} />}

        <ErrorText message={submitError} />
        {draft.attempted && submitError && <Text className="wq-hint">{t('wizard.review.retryHint')}</Text>}

        <WizardNav
          steps={STEPS}
          step={step}
          setStep={setStep}
          onNext={next}
          onSubmit={submit}
          submitting={submitting}
          submitLabel="wizard.review.submit"
        />
      </View>
      {photos.privacyDialog}
    </Screen>
  );
}

function Review({ form }: { form: ComplaintForm }) {
  const t = useT();
  const centreOnly = form.photos.filter((p) => p.centreOnly).length;
  const rows: Array<[string, string]> = [
    [
      t('wizard.review.merchant'),
      form.merchantMode === 'directory'
        ? (form.merchant?.name ?? '')
        : `${form.merchantName} (${form.merchantAddress})`,
    ],
    [t('wizard.step.category'), form.category ? categoryLabel(t.lang, form.category) : ''],
    [t('wizard.facts.label'), form.facts],
    [
      t('wizard.demand.type'),
      `${form.demandType ? t(demandKey(form.demandType)) : ''} ${form.demandAmount ? t('common.yuan', { amount: form.demandAmount }) : ''}`,
    ],
    [t('wizard.purchase.occurredOn'), form.occurredOn],
    [t('wizard.purchase.channel'), form.channel ? t(CHANNEL[form.channel]) : ''],
    [
      t('wizard.purchase.amount'),
      form.purchaseAmount ? t('common.yuan', { amount: form.purchaseAmount }) : '',
    ],
    [t('wizard.purchase.orderNo'), form.orderNo],
    [
      t('wizard.step.evidence'),
      centreOnly
        ? t('wizard.review.photosCentreOnly', { n: form.photos.length, m: centreOnly })
        : t('wizard.review.photos', { n: form.photos.length }),
    ],
    [t('wizard.step.contact'), `${form.name} ${form.phone} ${form.address}`],
  ];
  return (
    <View className="wq-card" data-testid="review">
      {rows
        .filter(([, v]) => v.trim())
        .map(([k, v]) => (
          <View key={k} className="wq-review-row">
            <Text className="wq-label">{k}</Text>
            <Text className="wq-body">{v}</Text>
          </View>
        ))}
      {form.share && <NutTag type="primary">{t('wizard.contact.share')}</NutTag>}
    </View>
  );
}
