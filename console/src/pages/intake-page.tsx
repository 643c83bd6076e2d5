import {
  CATEGORIES,
  DEMAND_TYPES,
  STAFF_CHANNELS,
  type CaseView,
  type CategoryCode,
  type StaffChannel,
} from '@weiquan/shared';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type Body } from '../api/endpoints';
import { ApiError } from '../api/http';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { chosen } from '../lib/form-rules';
import { yuanToFen } from '../lib/money';

type Kind = 'complaint' | 'report' | 'consultation';
interface Contact {
  name?: string;
  phone?: string;
  address?: string;
}
interface IntakeValues {
  kind: Kind;
  channel: StaffChannel;
  category?: CategoryCode;
  caller?: Contact;
  anonymous?: boolean;
  merchantName?: string;
  merchantAddress?: string;
  facts?: string;
  question?: string;
  demandType?: (typeof DEMAND_TYPES)[number];
  demandYuan?: number;
  purchaseYuan?: number;
  occurredOn?: Dayjs;
  purchaseChannel?: 'online' | 'offline';
  orderNo?: string;
  share?: boolean;
}

type Filing = Body<'fileCase'>;
const contactOf = (c: Contact = {}) => ({
  name: c.name ?? '',
  phone: c.phone ?? '',
  address: c.address ?? '',
});
const yuan = (v?: number) => (typeof v === 'number' ? yuanToFen(v) : undefined);

/** The typed form as the filing body; staff filings name the channel the caller used. */
function filingOf(v: IntakeValues, merchantId: string | null): Filing {
  const merchant = merchantId
    ? { id: merchantId }
    : { name: v.merchantName ?? '', address: v.merchantAddress ?? '' };
  const category = v.category as CategoryCode;
  const channel = v.channel;
  if (v.kind === 'consultation')
    return { kind: 'consultation', category, question: v.question ?? '', channel };
  if (v.kind === 'report')
    return {
      kind: 'report',
      merchant,
      category,
      facts: v.facts ?? '',
      attachments: [],
      ...(v.anonymous ? {} : { reporter: contactOf(v.caller) }),
      channel,
    };
  return {
    kind: 'complaint',
    merchant,
    category,
    facts: v.facts ?? '',
    demand: { type: v.demandType ?? 'refund', amountFen: yuan(v.demandYuan) },
    purchase: {
      amountFen: yuan(v.purchaseYuan),
      occurredOn: v.occurredOn?.format('YYYY-MM-DD') ?? '',
      channel: v.purchaseChannel ?? 'offline',
      orderNo: v.orderNo?.trim() || undefined,
    },
    complainant: contactOf(v.caller),
    attachments: [],
    shareContactWithMerchant: v.share === true,
    channel,
  };
}

/** API field paths -> this form's field names (money is typed in yuan here). */
const FIELD_OF: Record<string, (string | number)[]> = {
  'demand.amountFen': ['demandYuan'],
  'purchase.amountFen': ['purchaseYuan'],
  'purchase.occurredOn': ['occurredOn'],
  'purchase.orderNo': ['orderNo'],
  'merchant.name': ['merchantName'],
  'merchant.address': ['merchantAddress'],
};
function formFieldOf(path: string): (string | number)[] {
  if (FIELD_OF[path]) return FIELD_OF[path];
  const [head, ...rest] = path.split('.');
  if (head === 'complainant' || head === 'reporter') return ['caller', ...rest];
  return [head];
}

function ClaimCard({ filed, onAgain }: { filed: CaseView; onAgain(): void }) {
  return (
    <Result
      status="success"
      title={zh.intake.claimHeading}
      subTitle={zh.intake.claimHelp}
      extra={[
        <Button type="primary" key="again" onClick={onAgain}>
          {zh.intake.another}
        </Button>,
        <Link key="open" to={`/cases/${filed.id}`}>
          {zh.intake.openCase}
        </Link>,
      ]}
    >
      <Space direction="vertical" size={8} style={{ width: '100%', textAlign: 'center' }}>
        <Typography.Text>{zh.workbench.caseNo}</Typography.Text>
        <div className="case-no-large" data-testid="filed-case-no">
          {filed.caseNo}
        </div>
        <Typography.Text>{zh.intake.claimCode}</Typography.Text>
        <div className="claim-code" data-testid="claim-code" aria-live="polite">
          {filed.claimCode ?? '—'}
        </div>
      </Space>
    </Result>
  );
}

export default function IntakePage() {
  const [form] = Form.useForm<IntakeValues>();
  const kind = Form.useWatch('kind', form) ?? 'complaint';
  const anonymous = Form.useWatch('anonymous', form);
  const [merchantId, setMerchantId] = useState<string | null>(null);
  const [options, setOptions] = useState<
    Array<{ value: string; label: string; id: string; address: string }>
  >([]);
  const [filed, setFiled] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // one key per filing: a double click or a retry after a lost answer files once
  const key = useRef(crypto.randomUUID());

  async function searchMerchants(q: string) {
    setMerchantId(null);
    if (q.trim().length < 2) return setOptions([]);
    try {
      const list = await api.searchMerchants(q.trim());
      setOptions(
        list.items.map((m) => ({
          value: m.name,
          label: `${m.name}（${m.district}）`,
          id: m.id,
          address: m.address,
        })),
      );
    } catch {
      setOptions([]);
    }
  }

  async function submit(values: IntakeValues) {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.fileCase(filingOf(values, merchantId), key.current);
      key.current = crypto.randomUUID();
      setFiled(answer);
    } catch (err) {
      setError(errorText(err));
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED')
        form.setFields(
          err.fields.map((f) => ({ name: formFieldOf(f.path) as never, errors: [zh.errors.field] })),
        );
    } finally {
      setBusy(false);
    }
  }

  if (filed)
    return (
      <Card>
        <ClaimCard
          filed={filed}
          onAgain={() => {
            setFiled(null);
            setMerchantId(null);
            form.resetFields();
          }}
        />
      </Card>
    );

  const needsCaller = kind === 'complaint' || (kind === 'report' && !anonymous);
  const req = [{ required: true, whitespace: true, message: zh.form.required }];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {zh.intake.heading}
      </Typography.Title>
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'complaint',
          channel: 'phone',
          demandType: 'refund',
          purchaseChannel: 'offline',
        }}
        onFinish={submit}
        aria-label={zh.intake.heading}
      >
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space size={32} wrap>
            <Form.Item name="kind" label={zh.intake.kind}>
              <Radio.Group
                optionType="button"
                options={(['complaint', 'report', 'consultation'] as const).map((k) => ({
                  value: k,
                  label: zh.kinds[k],
                }))}
              />
            </Form.Item>
            <Form.Item name="channel" label={zh.intake.channel}>
              <Select
                style={{ width: 160 }}
                options={STAFF_CHANNELS.map((c) => ({ value: c, label: zh.channels[c] }))}
              />
            </Form.Item>
            <Form.Item name="category" label={zh.case.category} rules={chosen}>
              <Select
                style={{ width: 260 }}
                showSearch
                optionFilterProp="label"
                options={CATEGORIES.map((c) => ({ value: c.code, label: c.name }))}
              />
            </Form.Item>
          </Space>
        </Card>
        {kind !== 'consultation' && (
          <Card size="small" title={zh.intake.caller} style={{ marginBottom: 16 }}>
            {kind === 'report' && (
              <Form.Item name="anonymous" valuePropName="checked">
                <Checkbox>{zh.intake.anonymous}</Checkbox>
              </Form.Item>
            )}
            {needsCaller && (
              <Space size={16} wrap align="start">
                <Form.Item name={['caller', 'name']} label={zh.case.name} rules={req}>
                  <Input style={{ width: 180 }} autoComplete="off" />
                </Form.Item>
                <Form.Item name={['caller', 'phone']} label={zh.case.phone} rules={req}>
                  <Input style={{ width: 200 }} inputMode="tel" autoComplete="off" />
                </Form.Item>
                <Form.Item name={['caller', 'address']} label={zh.case.address} rules={req}>
                  <Input style={{ width: 420 }} autoComplete="off" />
                </Form.Item>
              </Space>
            )}
          </Card>
        )}
        {kind === 'consultation' ? (
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item name="question" label={zh.case.question} rules={req}>
              <Input.TextArea autoSize={{ minRows: 4 }} maxLength={1000} showCount />
            </Form.Item>
          </Card>
        ) : (
          <Card size="small" title={zh.case.facts} style={{ marginBottom: 16 }}>
            <Space size={16} wrap align="start">
              <Form.Item
                name="merchantName"
                label={zh.case.merchant}
                rules={chosen}
                extra={merchantId ? zh.intake.merchantPick : zh.intake.merchantFree}
              >
                <AutoComplete
                  style={{ width: 360 }}
                  options={options}
                  onSearch={searchMerchants}
                  onSelect={(_v: string, o: { id: string; address: string }) => {
                    setMerchantId(o.id);
                    form.setFieldValue('merchantAddress', o.address);
                  }}
                />
              </Form.Item>
              <Form.Item
                name="merchantAddress"
                label={zh.intake.merchantAddress}
                rules={merchantId ? [] : req}
              >
                <Input style={{ width: 420 }} disabled={!!merchantId} />
              </Form.Item>
            </Space>
            <Form.Item name="facts" label={zh.case.facts} rules={req}>
              <Input.TextArea autoSize={{ minRows: 4 }} maxLength={2000} showCount />
            </Form.Item>
            {kind === 'complaint' && (
              <>
                <Space size={16} wrap align="start">
                  <Form.Item name="demandType" label={zh.intake.demandType}>
                    <Select
                      style={{ width: 140 }}
                      options={DEMAND_TYPES.map((d) => ({ value: d, label: zh.demandTypes[d] }))}
                    />
                  </Form.Item>
                  <Form.Item name="demandYuan" label={zh.intake.demandAmount}>
                    <InputNumber min={0} max={100_000_000} precision={2} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item
                    name="occurredOn"
                    label={zh.case.occurredOn}
                    rules={[{ required: true, message: zh.form.required }]}
                  >
                    <DatePicker disabledDate={(d) => d.isAfter(new Date())} />
                  </Form.Item>
                  <Form.Item name="purchaseChannel" label={zh.case.purchaseChannel}>
                    <Radio.Group
                      options={[
                        { value: 'offline', label: zh.case.offline },
                        { value: 'online', label: zh.case.online },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name="purchaseYuan" label={zh.intake.purchaseAmount}>
                    <InputNumber min={0} max={100_000_000} precision={2} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name="orderNo" label={zh.case.orderNo}>
                    <Input style={{ width: 220 }} />
                  </Form.Item>
                </Space>
                <Form.Item name="share" valuePropName="checked">
                  <Checkbox>{zh.intake.share}</Checkbox>
                </Form.Item>
              </>
            )}
          </Card>
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" size="large" loading={busy}>
          {zh.intake.submit}
        </Button>
      </Form>
    </Space>
  );
}
