import { Label, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CATEGORIES } from '@weiquan/shared'
import { useEffect, useState } from 'react'
import { api } from '../../api/endpoints'
import { Chips } from '../../components/chips'
import { DraftRestoredNotice } from '../../components/draft-notice'
import { ErrorText, Field } from '../../components/field'
import { NutButton, NutProgress } from '../../components/nut'
import { Screen } from '../../components/screen'
import { useDraft } from '../../hooks/use-draft'
import { messageOf } from '../../hooks/use-remote'
import { categoryLabel, useT } from '../../i18n'
import { ApiError } from '../../lib/api-client'
import { ROUTES } from '../../routes'
import { ensureConsumer } from '../auth/login'
import { EvidencePhotos, usePhotoUploads } from '../evidence/photo-uploads'
import { photosPending } from '../evidence/photos'
import { MerchantPicker } from '../file-complaint/merchant-picker'
import type { FieldErrors } from '../file-complaint/validation'
import { useSubscribeInTap } from '../subscriptions/subscribe-in-tap'
import { reportDrafts, REPORT_STEPS, validateReport, type ReportForm } from './report-form'

/** 我要举报: merchant, category, facts, photos, then anonymous (default) or real name, and review. */
export function ReportWizard() {
  const t = useT()
  // saved on every change with its Idempotency-Key: a retried submit is answered with the same case
  const drafts = useDraft(reportDrafts)
  const { draft, setDraft, setStep } = drafts
  const form = draft.form
  const step = draft.step
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [prefilled, setPrefilled] = useState(false)
  const subscriptions = useSubscribeInTap()
  const photos = usePhotoUploads(form.photos, (change) => setDraft((d) => ({ ...d, form: { ...d.form, photos: change(d.form.photos) } })))

  useEffect(() => {
    void (async () => {
      if (!(await ensureConsumer())) return
      try {
        const p = (await api.me()).profile
        if (!p) return
        setDraft((d) => (d.form.name || d.form.phone || d.form.address ? d : { ...d, form: { ...d.form, name: p.name, phone: p.phone, address: p.address } }))
        setPrefilled(true)
      } catch {
        // a convenience only: the person can type the details
      }
    })()
  }, [])

  const update = (patch: Partial<ReportForm>) => {
    drafts.update(patch)
    const touched = Object.keys(patch)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k))))
  }

  const next = () => {
    const fields = REPORT_STEPS[step].fields
    const own = Object.fromEntries(Object.entries(validateReport(form, t).errors).filter(([k]) => fields.includes(k as never))) as FieldErrors
    setErrors(own)
    if (Object.keys(own).length === 0) setStep(Math.min(step + 1, REPORT_STEPS.length - 1))
  }

  const submit = async () => {
    const { errors: all, body } = validateReport(form, t)
    if (!body) {
      setErrors(all)
      const first = REPORT_STEPS.findIndex((s) => s.fields.some((f) => all[f]))
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
      const answer = await api.fileCase(body, draft.idempotencyKey)
      drafts.finish()
      Taro.showToast({ title: t('report.submitted', { caseNo: answer.caseNo }), icon: 'none' })
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

  return (
    <Screen title="title.report" onRetry={submitError ? submit : undefined} testId="page-report">
      <View className="wq-page">
        {drafts.restored && <DraftRestoredNotice onDiscard={discard} />}
        <Text className="wq-step" id="wizard-step" data-step={step}>
          {t('wizard.step', { n: step + 1, total: REPORT_STEPS.length, name: t(REPORT_STEPS[step].key) })}
        </Text>
        <NutProgress percent={Math.round(((step + 1) / REPORT_STEPS.length) * 100)} showText={false} />

        {step === 0 && <MerchantPicker value={form} update={update} errors={errors} />}
        {step === 1 && (
          <View className="wq-card">
            <Text className="wq-label">{t('wizard.step.category')}</Text>
            <Chips name={t('wizard.step.category')} value={form.category} onChange={(category) => update({ category })} options={CATEGORIES.map((c) => ({ value: c.code, label: categoryLabel(t.lang, c.code) }))} />
            <ErrorText message={errors.category} />
          </View>
        )}
        {step === 2 && (
          <View className="wq-card">
            <Field id="facts" label={t('report.facts.label')} hint={t('report.facts.hint')} value={form.facts} onChange={(facts) => update({ facts })} error={errors.facts} multiline maxlength={2000} />
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
              <Switch id="report-anonymous" checked={form.anonymous} onChange={(e) => update({ anonymous: !!e.detail.value })} />
            </View>
            {form.anonymous ? (
              <Text className="wq-hint">{t('report.anonymousHint')}</Text>
            ) : (
              <View data-testid="reporter-fields">
                {prefilled && <Text className="wq-hint">{t('report.prefilled')}</Text>}
                <Field id="reporter-name" label={t('wizard.contact.name')} value={form.name} onChange={(name) => update({ name })} error={errors.name} />
                <Field id="reporter-phone" type="number" label={t('wizard.contact.phone')} value={form.phone} onChange={(phone) => update({ phone })} error={errors.phone} />
                <Field id="reporter-address" label={t('wizard.contact.address')} value={form.address} onChange={(address) => update({ address })} error={errors.address} />
              </View>
            )}
          </View>
        )}
        {step === 5 && (
          <View className="wq-card" data-testid="review">
            {(
              [
                [t('report.step.merchant'), form.merchantMode === 'directory' ? form.merchant?.name ?? '' : `${form.merchantName} (${form.merchantAddress})`],
                [t('wizard.step.category'), form.category ? categoryLabel(t.lang, form.category) : ''],
                [t('report.facts.label'), form.facts],
                [t('wizard.step.evidence'), t('wizard.review.photos', { n: form.photos.length })],
                [t('report.review.identity'), form.anonymous ? t('report.anonymous') : `${form.name} ${form.phone}`],
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
        <View className="wq-nav-row">
          {step > 0 && (
            <NutButton id="wizard-back" onClick={() => setStep(step - 1)}>
              {t('common.back')}
            </NutButton>
          )}
          {step < REPORT_STEPS.length - 1 ? (
            <NutButton id="wizard-next" type="primary" onClick={next}>
              {t('common.next')}
            </NutButton>
          ) : (
            <NutButton id="wizard-submit" type="primary" loading={submitting} disabled={submitting} onClick={submit}>
              {submitting ? t('wizard.review.submitting') : t('report.submit')}
            </NutButton>
          )}
        </View>
      </View>
      {photos.privacyDialog}
    </Screen>
  )
}
