import { Button, Label, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { beijingDate, CATEGORIES, DEMAND_TYPES } from '@weiquan/shared'
import { useEffect, useState } from 'react'
import { api } from '../../api/endpoints'
import { Chips } from '../../components/chips'
import { DraftRestoredNotice } from '../../components/draft-notice'
import { ErrorText, Field } from '../../components/field'
import { NutButton, NutProgress, NutTag } from '../../components/nut'
import { Screen } from '../../components/screen'
import { useDraft } from '../../hooks/use-draft'
import { messageOf } from '../../hooks/use-remote'
import { categoryLabel, useT, type MessageKey } from '../../i18n'
import { ApiError } from '../../lib/api-client'
import { go, ROUTES } from '../../routes'
import { ensureConsumer } from '../auth/login'
import { EvidencePhotos, usePhotoUploads } from '../evidence/photo-uploads'
import { photosPending } from '../evidence/photos'
import { useSubscribeInTap } from '../subscriptions/subscribe-in-tap'
import { DuplicateWarning, MerchantPicker, useOpenCasesAgainst } from './merchant-picker'
import { complaintDrafts, type ComplaintForm } from './draft'
import { stepErrors, STEPS, validateForm, type FieldErrors } from './validation'

export function FileComplaintWizard() {
  const t = useT()
  // the draft saves itself on every change, so closing the app loses nothing
  const drafts = useDraft(complaintDrafts)
  const { draft, setDraft, setStep } = drafts
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const subscriptions = useSubscribeInTap()
  const form = draft.form
  const step = draft.step
  const photos = usePhotoUploads(form.photos, (change) => setDraft((d) => ({ ...d, form: { ...d.form, photos: change(d.form.photos) } })))

  useEffect(() => {
    void (async () => {
      if (!(await ensureConsumer())) return
      try {
        const me = await api.me()
        if (!me.profile) return
        const p = me.profile
        setDraft((d) =>
          d.form.name || d.form.phone || d.form.address ? d : { ...d, form: { ...d.form, name: p.name, phone: p.phone, address: p.address } },
        )
      } catch {
        // prefill is a convenience: the person can type the details
      }
    })()
  }, [])

  const update = (patch: Partial<ComplaintForm>) => {
    drafts.update(patch)
    const touched = Object.keys(patch)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k))))
  }

  // the duplicate question must be answered before leaving the merchant step
  const openAgainst = useOpenCasesAgainst(form.merchantMode === 'directory' ? form.merchant?.id : undefined)
  const duplicatePending = step === 0 && openAgainst.length > 0 && draft.notDuplicateOf !== form.merchant?.id

  const next = () => {
    const own = stepErrors(validateForm(form, t).errors, step)
    if (duplicatePending) own.merchant = t('dup.question')
    setErrors(own)
    if (Object.keys(own).length === 0) setStep(Math.min(step + 1, STEPS.length - 1))
  }

  const submit = async () => {
    const { errors: all, body } = validateForm(form, t)
    if (!body) {
      setErrors(all)
      const first = STEPS.findIndex((s) => s.fields.some((f) => all[f]))
      if (first >= 0) setStep(first)
      return
    }
    if (photosPending(form.photos)) {
      setSubmitError(t('wizard.evidence.pending'))
      return
    }
    // inside the tap, before anything else is awaited: WeChat refuses the request otherwise
    const subscribed = subscriptions.report(await subscriptions.ask())
    setSubmitting(true)
    setSubmitError(null)
    drafts.markAttempted()
    try {
      const answer = await api.fileComplaint(body, draft.idempotencyKey)
      drafts.finish()
      Taro.showToast({ title: t('wizard.submitted', { caseNo: answer.caseNo }), icon: 'none' })
      if (subscribed !== undefined) Taro.showToast({ title: t('wizard.subscribed', { n: subscribed }), icon: 'none' })
      void Taro.redirectTo({ url: `${ROUTES.case}?id=${answer.id}` })
    } catch (e) {
      setSubmitError(e instanceof ApiError && e.code === 'NETWORK' ? t('error.network') : messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  const discard = () => {
    photos.abortAll()
    drafts.discard()
    setErrors({})
    setSubmitError(null)
  }

  const stepName = t(STEPS[step].key)
  return (
    <Screen title="title.file" onRetry={submitError ? submit : undefined} testId="page-file">
      <View className="wq-page">
        {drafts.restored && <DraftRestoredNotice onDiscard={discard} />}
        <Text className="wq-step" id="wizard-step" data-step={step}>
          {t('wizard.step', { n: step + 1, total: STEPS.length, name: stepName })}
        </Text>
        <NutProgress percent={Math.round(((step + 1) / STEPS.length) * 100)} showText={false} />

        {step === 0 && <MerchantPicker value={form} update={update} errors={errors} />}
        {duplicatePending && (
          <DuplicateWarning
            open={openAgainst}
            onSupplement={(c) => go(ROUTES.case, { id: c.id, panel: 'supplement' })}
            onContinue={() => {
              setDraft((d) => ({ ...d, notDuplicateOf: form.merchant?.id }))
              setErrors({})
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
              options={CATEGORIES.map((c) => ({ value: c.code, label: `${categoryLabel(t.lang, c.code)}${c.greenChannel ? ` · ${t('badge.greenChannel')}` : ''}` }))}
            />
            <ErrorText message={errors.category} />
          </View>
        )}
        {step === 2 && (
          <View className="wq-card">
            <Field id="facts" label={t('wizard.facts.label')} hint={t('wizard.facts.hint')} value={form.facts} onChange={(facts) => update({ facts })} error={errors.facts} multiline maxlength={2000} />
          </View>
        )}
        {step === 3 && (
          <View className="wq-card">
            <Text className="wq-label">{t('wizard.demand.type')}</Text>
            <Chips name={t('wizard.demand.type')} value={form.demandType} onChange={(demandType) => update({ demandType })} options={DEMAND_TYPES.map((d) => ({ value: d, label: t(`demand.${d}` as MessageKey) }))} />
            <ErrorText message={errors.demandType} />
            <Field id="demand-amount" type="digit" label={t('wizard.demand.amount')} value={form.demandAmount} onChange={(demandAmount) => update({ demandAmount })} error={errors.demandAmount} />
          </View>
        )}
        {step === 4 && (
          <View className="wq-card">
            <Field id="purchase-amount" type="digit" label={t('wizard.purchase.amount')} value={form.purchaseAmount} onChange={(purchaseAmount) => update({ purchaseAmount })} error={errors.purchaseAmount} />
            <Field id="occurred-on" label={t('wizard.purchase.occurredOn')} placeholder="2026-01-31" value={form.occurredOn} onChange={(occurredOn) => update({ occurredOn })} error={errors.occurredOn} />
            <Button id="today" className="wq-link-button" onClick={() => update({ occurredOn: beijingDate(new Date()) })}>
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
            <Field id="order-no" label={t('wizard.purchase.orderNo')} value={form.orderNo} onChange={(orderNo) => update({ orderNo })} error={errors.orderNo} />
          </View>
        )}
        {step === 5 && <EvidencePhotos photos={form.photos} uploads={photos} />}
        {step === 6 && (
          <View className="wq-card">
            <Text className="wq-hint">{t('wizard.contact.hint')}</Text>
            <Field id="contact-name" label={t('wizard.contact.name')} value={form.name} onChange={(name) => update({ name })} error={errors.name} />
            <Field id="contact-phone" type="number" label={t('wizard.contact.phone')} value={form.phone} onChange={(phone) => update({ phone })} error={errors.phone} />
            <Field id="contact-address" label={t('wizard.contact.address')} value={form.address} onChange={(address) => update({ address })} error={errors.address} />
            <View className="wq-switch-row">
              <Label for="share-contact" className="wq-label">
                {t('wizard.contact.share')}
              </Label>
              <Switch id="share-contact" checked={form.share} onChange={(e) => update({ share: !!e.detail.value })} />
            </View>
            <Text className="wq-hint">{t('wizard.contact.shareHint')}</Text>
          </View>
        )}
        {step === 7 && <Review form={form} />}

        <ErrorText message={submitError} />
        {draft.attempted && submitError && <Text className="wq-hint">{t('wizard.review.retryHint')}</Text>}

        <View className="wq-nav-row">
          {step > 0 && (
            <NutButton id="wizard-back" onClick={() => setStep(step - 1)}>
              {t('common.back')}
            </NutButton>
          )}
          {step < STEPS.length - 1 ? (
            <NutButton id="wizard-next" type="primary" onClick={next}>
              {t('common.next')}
            </NutButton>
          ) : (
            <NutButton id="wizard-submit" type="primary" loading={submitting} disabled={submitting} onClick={submit}>
              {submitting ? t('wizard.review.submitting') : t('wizard.review.submit')}
            </NutButton>
          )}
        </View>
      </View>
      {photos.privacyDialog}
    </Screen>
  )
}

function Review({ form }: { form: ComplaintForm }) {
  const t = useT()
  const rows: Array<[string, string]> = [
    [t('wizard.review.merchant'), form.merchantMode === 'directory' ? form.merchant?.name ?? '' : `${form.merchantName} (${form.merchantAddress})`],
    [t('wizard.step.category'), form.category ? categoryLabel(t.lang, form.category) : ''],
    [t('wizard.facts.label'), form.facts],
    [t('wizard.demand.type'), `${form.demandType ? t(`demand.${form.demandType}` as MessageKey) : ''} ${form.demandAmount ? t('common.yuan', { amount: form.demandAmount }) : ''}`],
    [t('wizard.purchase.occurredOn'), `${form.occurredOn} ${form.channel ? t(`channel.${form.channel}` as MessageKey) : ''} ${form.orderNo}`],
    [t('wizard.step.evidence'), t('wizard.review.photos', { n: form.photos.length })],
    [t('wizard.step.contact'), `${form.name} ${form.phone} ${form.address}`],
  ]
  return (
    <View className="wq-card" data-testid="review">
      {rows.map(([k, v]) => (
        <View key={k} className="wq-review-row">
          <Text className="wq-label">{k}</Text>
          <Text className="wq-body">{v}</Text>
        </View>
      ))}
      {form.share && <NutTag type="primary">{t('wizard.contact.share')}</NutTag>}
    </View>
  )
}
