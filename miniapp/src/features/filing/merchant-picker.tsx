import { Button, Input, Label, Text, View } from '@tarojs/components';
import type { CaseListItem, Merchant } from '@weiquan/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { MerchantBadges, StatusTag } from '../../components/case-parts';
import { ErrorText, Field } from '../../components/field';
import { NutButton } from '../../components/nut';
import { messageOf } from '../../hooks/use-remote';
import { useT } from '../../i18n';
import { percent } from '../../lib/percent';
import { getSession } from '../../lib/session';

/** The merchant part of a filing: one from the directory, or a name and address typed in. */
export interface MerchantChoice {
  merchantMode: 'directory' | 'free';
  merchant?: Pick<Merchant, 'id' | 'name' | 'address' | 'badges'>;
  merchantName: string;
  merchantAddress: string;
}
type PickerErrors = Partial<Record<'merchant' | 'merchantName' | 'merchantAddress', string>>;

let timelyCache: Promise<Map<string, number | null>> | undefined;
/** ODR merchants' published timely-response rates (GET /stats `merchants`), loaded once per session. */
export function loadTimelyRates(): Promise<Map<string, number | null>> {
  timelyCache ??= api.stats().then(
    (s) => new Map(s.merchants.map((m) => [m.id, m.timelyRate])),
    () => {
      timelyCache = undefined;
      return new Map();
    },
  );
  return timelyCache;
}
export function forgetTimelyRates(): void {
  timelyCache = undefined;
}

export function TimelyRate({ rate }: { rate: number | null | undefined }) {
  const t = useT();
  if (rate === undefined) return null;
  return (
    <Text className="wq-timely" data-testid="timely-rate">
      {t('merchant.timely', { rate: percent(rate) })}
    </Text>
  );
}

export function MerchantPicker({
  value,
  update,
  errors,
  idPrefix = 'merchant',
}: {
  value: MerchantChoice;
  update: (p: Partial<MerchantChoice>) => void;
  errors: PickerErrors;
  idPrefix?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Merchant[]>();
  const [error, setError] = useState<string | null>(null);
  const [timely, setTimely] = useState<Map<string, number | null>>(new Map());
  useEffect(() => {
    void loadTimelyRates().then(setTimely);
  }, []);
  const search = async () => {
    try {
      setResults((await api.searchMerchants(q.trim())).items);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  if (value.merchantMode === 'free') {
    return (
      <View className="wq-card">
        <Field
          id={`${idPrefix}-name`}
          label={t('wizard.merchant.name')}
          value={value.merchantName}
          onChange={(merchantName) => update({ merchantName })}
          error={errors.merchantName}
        />
        <Field
          id={`${idPrefix}-address`}
          label={t('wizard.merchant.address')}
          value={value.merchantAddress}
          onChange={(merchantAddress) => update({ merchantAddress })}
          error={errors.merchantAddress}
        />
        <Button className="wq-link-button" onClick={() => update({ merchantMode: 'directory' })}>
          {t('wizard.merchant.useDirectory')}
        </Button>
        <ErrorText message={errors.merchant} />
      </View>
    );
  }
  const rateOf = (m: Pick<Merchant, 'id' | 'badges'>) =>
    m.badges.odr && timely.has(m.id) ? timely.get(m.id) : undefined;
  return (
    <View className="wq-card">
      <Label for={`${idPrefix}-q`} className="wq-label">
        {t('wizard.merchant.search')}
      </Label>
      <View className="wq-row">
        <Input
          id={`${idPrefix}-q`}
          className="wq-input wq-grow"
          value={q}
          placeholder={t('wizard.merchant.placeholder')}
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={search}
          confirmType="search"
        />
        <NutButton id={`${idPrefix}-search`} type="primary" onClick={search}>
          {t('wizard.merchant.searchButton')}
        </NutButton>
      </View>
      <ErrorText message={error} />
      {value.merchant && (
        <View className="wq-selected" data-testid="merchant-selected">
          <Text className="wq-strong">{t('wizard.merchant.selected', { name: value.merchant.name })}</Text>
          <MerchantBadges badges={value.merchant.badges} />
          <TimelyRate rate={rateOf(value.merchant)} />
        </View>
      )}
      {results?.length === 0 && <Text className="wq-hint">{t('wizard.merchant.noResult')}</Text>}
      {results?.map((m) => (
        <View
          key={m.id}
          className={`wq-merchant ${value.merchant?.id === m.id ? 'wq-merchant-on' : ''}`}
          role="radio"
          aria-checked={value.merchant?.id === m.id}
          data-merchant-id={m.id}
          onClick={() =>
            update({
              merchant: { id: m.id, name: m.name, address: m.address, badges: m.badges },
              merchantMode: 'directory',
            })
          }
        >
          <Text className="wq-strong">{m.name}</Text>
          <Text className="wq-muted">{m.address}</Text>
          <MerchantBadges badges={m.badges} />
          <TimelyRate rate={rateOf(m)} />
        </View>
      ))}
      <Button
        id={`${idPrefix}-free`}
        className="wq-link-button"
        onClick={() => update({ merchantMode: 'free', merchant: undefined })}
      >
        {t('wizard.merchant.freeText')}
      </Button>
      <ErrorText message={errors.merchant} />
    </View>
  );
}

/**
 * Before a second complaint against the same merchant: the consumer's open ones are shown, with the
 * question whether this is the same dispute (then 补充材料 on that case) or another one.
 */
export function useOpenCasesAgainst(merchantId: string | undefined): CaseListItem[] {
  const [open, setOpen] = useState<CaseListItem[]>([]);
  useEffect(() => {
    setOpen([]);
    if (!merchantId || !getSession('consumer')) return;
    let live = true;
    void api.openCasesAgainst(merchantId).then(
      (page) => live && setOpen(page.items.filter((c) => c.kind === 'complaint')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [merchantId]);
  return open;
}

export function DuplicateWarning({
  open,
  onSupplement,
  onContinue,
}: {
  open: CaseListItem[];
  onSupplement: (c: CaseListItem) => void;
  onContinue: () => void;
}) {
  const t = useT();
  if (!open.length) return null;
  return (
    <View
      className="wq-card wq-duplicate"
      role="alertdialog"
      aria-labelledby="dup-title"
      data-testid="duplicate-warning"
    >
      <Text className="wq-card-title" id="dup-title">
        {t('dup.title')}
      </Text>
      {open.map((c) => (
        <View key={c.id} className="wq-row" data-case-id={c.id}>
          <Text className="wq-body">{c.caseNo}</Text>
          <StatusTag status={c.status} reader="consumer" />
        </View>
      ))}
      <Text className="wq-body">{t('dup.question')}</Text>
      <NutButton id="dup-supplement" type="primary" block onClick={() => onSupplement(open[0])}>
        {t('dup.supplement')}
      </NutButton>
      <NutButton id="dup-continue" block onClick={onContinue}>
        {t('dup.continue')}
      </NutButton>
    </View>
  );
}
