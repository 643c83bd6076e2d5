import { Button, Image, Label, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CATEGORIES, MAX_ATTACHMENTS } from '@weiquan/shared'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/endpoints'
import { Chips } from '../../components/chips'
import { ErrorText, Field } from '../../components/field'
import { NutButton, NutProgress } from '../../components/nut'
import { Screen } from '../../components/screen'
import { messageOf } from '../../hooks/use-remote'
import { categoryLabel, useT } from '../../i18n'
import { ApiError } from '../../lib/api-client'
import { ROUTES } from '../../routes'
import { ensureConsumer } from '../auth/login'
import { newIdempotencyKey, type Photo } from '../file-complaint/draft'
import { MerchantPicker } from '../file-complaint/merchant-picker'
import { pickPhotos } from '../file-complaint/pick-photos'
import type { FieldErrors } from '../file-complaint/validation'
import { usePrivacyGate } from '../privacy/privacy-gate'
import { emptyReport, REPORT_STEPS, validateReport, type ReportForm } from './report-form'

/** 我要举报: merchant, category, facts, photos, then anonymous (default) or real name, and review. */
export function ReportWizard() {
  const t = useT()
  const [form, setForm] = useState<ReportForm>(emptyReport)
  const [step, setStep] = useState(0)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [prefilled, setPrefilled] = useState(false)
  // one key for this report: a retried submit is answered with the same case, not a second one
  const [idempotencyKey] = useState(newIdempotencyKey)
  const privacy = usePrivacyGate()
  const uploads = useRef(new Map<string, { abort(): void }>())

  useEffect(() => {
    void (async () => {
      if (!(await ensureConsumer())) return
      try {
        const p = (await api.me()).profile
        if (!p) return
        setForm((f) => (f.name || f.phone || f.address ? f : { ...f, name: p.name, phone: p.phone, address: p.address }))
        setPrefilled(true)
      } catch {
        // a convenience only: the person can type the details
      }
    })()
  }, [])

  const update = (patch: Partial<ReportForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    const touched = Object.keys(patch)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k))))
  }
  const updatePhoto = (path: string, patch: Partial<Photo>) => setForm((f) => ({ ...f, photos: f.photos.map((p) => (p.path === path ? { ...p, ...patch } : p)) }))

  const startUpload = (path: string) => {
    updatePhoto(path, { status: 'uploading', progress: 0, error: undefined })
    const handle = api.upload(path, (p) => updatePhoto(path, { progress: p }))
    uploads.current.set(path, handle)
    handle.promise.then(
      (answer) => updatePhoto(path, { status: 'done', progress: 100, uploadId: answer.id }),
      (e) => updatePhoto(path, { status: 'failed', error: messageOf(e) }),
    )
  }
  const choosePhotos = async () => {
    const room = MAX_ATTACHMENTS - form.photos.length
    if (room <= 0 || !(await privacy.ensure())) return
    const paths = await pickPhotos(room)
    setForm((f) => ({ ...f, photos: [...f.photos, ...paths.map((path) => ({ path, status: 'uploading' as const, progress: 0 }))] }))
    paths.forEach(startUpload)
  }
  const removePhoto = (path: string) => {
    uploads.current.get(path)?.abort()
    setForm((f) => ({ ...f, photos: f.photos.filter((p) => p.path !== path) }))
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
    if (form.photos.some((p) => p.status !== 'done')) {
      setSubmitError(t('wizard.evidence.pending'))
      return
    }
    setSubmitting(true)
    setSubmitError(null)
    try {
      const answer = await api.fileCase(body, idempotencyKey)
      Taro.showToast({ title: t('report.submitted', { caseNo: answer.caseNo }), icon: 'none' })
      void Taro.redirectTo({ url: `${ROUTES.case}?id=${answer.id}` })
    } catch (e) {
      setSubmitError(e instanceof ApiError && e.code === 'NETWORK' ? t('error.network') : messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Screen title="title.report" onRetry={submitError ? submit : undefined} testId="page-report">
      <View className="wq-page">
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
        {step === 3 && (
          <View className="wq-card">
            <Text className="wq-hint">{t('wizard.evidence.hint')}</Text>
            <View className="wq-photos">
              {form.photos.map((p, i) => (
                <View key={p.path} className={`wq-photo wq-photo-${p.status}`} data-status={p.status}>
                  <Image src={p.path} mode="aspectFill" className="wq-photo-img" aria-label={`photo ${i + 1}`} />
                  {p.status === 'uploading' && <Text className="wq-hint">{t('wizard.evidence.uploading', { p: p.progress })}</Text>}
                  {p.status === 'failed' && (
                    <Button className="wq-link-button wq-photo-retry" onClick={() => startUpload(p.path)}>
                      {p.error ?? t('wizard.evidence.failed')} · {t('common.retry')}
                    </Button>
                  )}
                  <Button className="wq-link-button" onClick={() => removePhoto(p.path)}>
                    {t('wizard.evidence.remove')}
                  </Button>
                </View>
              ))}
            </View>
            {form.photos.length < MAX_ATTACHMENTS && (
              <NutButton id="add-photos" fill="outline" block onClick={choosePhotos}>
                {t('wizard.evidence.add', { n: form.photos.length })}
              </NutButton>
            )}
            <ErrorText message={errors.photos} />
          </View>
        )}
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
      {privacy.dialog}
    </Screen>
  )
}
