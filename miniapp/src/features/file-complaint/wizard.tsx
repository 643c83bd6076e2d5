import { Button, Image, Label, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { beijingDate, CATEGORIES, DEMAND_TYPES, MAX_ATTACHMENTS, SUBSCRIPTION_RESULTS, type MetaAnswer } from '@weiquan/shared'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/endpoints'
import { Chips } from '../../components/chips'
import { ErrorText, Field } from '../../components/field'
import { NutButton, NutProgress, NutTag } from '../../components/nut'
import { Screen } from '../../components/screen'
import { messageOf } from '../../hooks/use-remote'
import { categoryLabel, useT, type MessageKey } from '../../i18n'
import { ApiError } from '../../lib/api-client'
import { isWeapp } from '../../lib/platform'
import { go, ROUTES } from '../../routes'
import { ensureConsumer } from '../auth/login'
import { usePrivacyGate } from '../privacy/privacy-gate'
import { DuplicateWarning, MerchantPicker, useOpenCasesAgainst } from './merchant-picker'
import { pickPhotos } from './pick-photos'
import { clearDraft, isBlank, loadDraft, newDraft, saveDraft, type ComplaintForm, type Draft, type Photo } from './draft'
import { stepErrors, STEPS, validateForm, type FieldErrors } from './validation'

type SubscriptionResult = (typeof SUBSCRIPTION_RESULTS)[number]

/** Subscribe messages: WeChat allows at most 3 template ids per request, and only inside a tap. */
async function askForSubscriptions(meta: MetaAnswer | undefined): Promise<number | undefined> {
  if (!isWeapp() || !meta) return undefined
  const tmplIds = [meta.templates.caseUpdate, meta.templates.deadline, meta.templates.merchantNewCase].filter((x): x is string => !!x).slice(0, 3)
  if (!tmplIds.length) return undefined
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds } as never)) as unknown as Record<string, string>
    const known = (r: string | undefined): r is SubscriptionResult => (SUBSCRIPTION_RESULTS as readonly string[]).includes(r ?? '')
    const results: Record<string, SubscriptionResult> = Object.fromEntries(tmplIds.map((id) => [id, known(res[id]) ? res[id] : 'reject']))
    void api.saveSubscriptions(results).catch(() => undefined)
    return Object.values(results).filter((r) => r === 'accept').length
  } catch {
    return undefined
  }
}

export function FileComplaintWizard() {
  const t = useT()
  const [restored] = useState(() => loadDraft())
  const [draft, setDraft] = useState<Draft>(() => restored ?? newDraft())
  const [errors, setErrors] = useState<FieldErrors>({})
  const [meta, setMeta] = useState<MetaAnswer>()
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const privacy = usePrivacyGate()
  const uploads = useRef(new Map<string, { abort(): void }>())
  const form = draft.form
  const step = draft.step

  // the draft saves itself on every change, so closing the app loses nothing
  const filed = useRef(false)
  useEffect(() => {
    if (!filed.current) saveDraft(draft)
  }, [draft])

  useEffect(() => {
    void api.meta().then(setMeta, () => undefined)
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
    setDraft((d) => ({ ...d, form: { ...d.form, ...patch } }))
    const touched = Object.keys(patch)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k))))
  }
  const updatePhoto = (path: string, patch: Partial<Photo>) =>
    setDraft((d) => ({ ...d, form: { ...d.form, photos: d.form.photos.map((p) => (p.path === path ? { ...p, ...patch } : p)) } }))
  const setStep = (n: number) => setDraft((d) => ({ ...d, step: n }))

  // the duplicate question must be answered before leaving the merchant step
  const openAgainst = useOpenCasesAgainst(form.merchantMode === 'directory' ? form.merchant?.id : undefined)
  const duplicatePending = step === 0 && openAgainst.length > 0 && draft.notDuplicateOf !== form.merchant?.id

  const next = () => {
    const own = stepErrors(validateForm(form, t).errors, step)
    if (duplicatePending) own.merchant = t('dup.question')
    setErrors(own)
    if (Object.keys(own).length === 0) setStep(Math.min(step + 1, STEPS.length - 1))
  }

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
    if (room <= 0) return
    if (!(await privacy.ensure())) return
    const paths = await pickPhotos(room)
    setDraft((d) => ({ ...d, form: { ...d.form, photos: [...d.form.photos, ...paths.map((path) => ({ path, status: 'uploading' as const, progress: 0 }))] } }))
    paths.forEach(startUpload)
  }

  const removePhoto = (path: string) => {
    uploads.current.get(path)?.abort()
    setDraft((d) => ({ ...d, form: { ...d.form, photos: d.form.photos.filter((p) => p.path !== path) } }))
  }

  const submit = async () => {
    const { errors: all, body } = validateForm(form, t)
    if (!body) {
      setErrors(all)
      const first = STEPS.findIndex((s) => s.fields.some((f) => all[f]))
      if (first >= 0) setStep(first)
      return
    }
    if (form.photos.some((p) => p.status !== 'done')) {
      setSubmitError(t('wizard.evidence.pending'))
      return
    }
    // inside the tap, before anything else is awaited: WeChat refuses the request otherwise
    const subscribed = await askForSubscriptions(meta)
    setSubmitting(true)
    setSubmitError(null)
    setDraft((d) => ({ ...d, attempted: true }))
    try {
      const answer = await api.fileComplaint(body, draft.idempotencyKey)
      filed.current = true
      clearDraft()
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
    uploads.current.forEach((u) => u.abort())
    clearDraft()
    setDraft(newDraft())
    setErrors({})
    setSubmitError(null)
  }

  const stepName = t(STEPS[step].key)
  return (
    <Screen title="title.file" onRetry={submitError ? submit : undefined} testId="page-file">
      <View className="wq-page">
        {restored && !isBlank(restored.form) && (
          <View className="wq-notice" role="status">
            <Text>{t('wizard.draftRestored')}</Text>
            <Button className="wq-link-button" onClick={discard}>
              {t('wizard.discard')}
            </Button>
          </View>
        )}
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
        {step === 5 && (
          <View className="wq-card">
            <Text className="wq-hint">{t('wizard.evidence.hint')}</Text>
            <View className="wq-photos">
              {form.photos.map((p, i) => (
                <View key={p.path} className={`wq-photo wq-photo-${p.status}`} data-status={p.status}>
                  <Image src={p.path} mode="aspectFill" className="wq-photo-img" aria-label={`photo ${i + 1}`} />
                  {p.status === 'uploading' && <NutProgress percent={p.progress} showText={false} />}
                  {p.status === 'uploading' && <Text className="wq-hint">{t('wizard.evidence.uploading', { p: p.progress })}</Text>}
                  {p.status === 'failed' && (
                    <View>
                      <Text className="wq-error">{p.error ?? t('wizard.evidence.failed')}</Text>
                      <Button className="wq-link-button wq-photo-retry" onClick={() => startUpload(p.path)}>
                        {t('common.retry')}
                      </Button>
                    </View>
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
          </View>
        )}
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
      {privacy.dialog}
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
