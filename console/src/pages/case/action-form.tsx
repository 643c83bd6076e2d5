import {
  Alert,
  Button,
  Checkbox,
  Dropdown,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useId } from 'react';
import { zh } from '../../i18n/zh-Hans';
import { chosen } from '../../lib/form-rules';
import type { ActionSpec, FieldSpec, FormValues } from './action-specs';

export interface TemplateOption {
  id: string;
  title: string;
  text: string;
}
export interface StaffOption {
  id: string;
  displayName: string;
}

export interface ActionFormProps {
  type: string;
  spec: ActionSpec;
  draft: FormValues;
  onDraft(values: FormValues): void;
  onSubmit(values: FormValues): void;
  onCancel(): void;
  busy: boolean;
  /** the API's answer in plain Chinese, shown beside this form */
  error?: string | null;
  /** VALIDATION_FAILED fields, by field name */
  fieldErrors?: Array<{ name: string; errors: string[] }>;
  templates?: TemplateOption[];
  staff?: StaffOption[];
}

function GroundSelect({
  field,
  value,
  onChange,
  id,
}: {
  field: FieldSpec;
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const chosen = field.grounds?.find((g) => g.code === value);
  return (
    <>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        placeholder={zh.form.ground}
        options={field.grounds?.map((g) => ({ value: g.code, label: g.textZh }))}
        optionRender={(o) => {
          const g = field.grounds?.find((x) => x.code === o.value);
          return (
            <div style={{ whiteSpace: 'normal' }}>
              <div>{g?.textZh}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {g?.source}
              </Typography.Text>
            </div>
          );
        }}
        listHeight={360}
      />
      {chosen && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="ground-source">
          {zh.form.groundCites}：{chosen.source}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** The control itself, so that Form.Item hands it value and onChange directly. */
function fieldControl(field: FieldSpec, staff?: StaffOption[]) {
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={field.max} showCount />;
    case 'ground':
      return <GroundSelect field={field} />;
    case 'yuan':
      return (
        <InputNumber min={0} max={100_000_000} precision={2} step={100} style={{ width: 240 }} suffix="元" />
      );
    case 'outcome':
      return (
        <Radio.Group
          options={[
            { value: 'mediated', label: zh.form.mediated },
            { value: 'terminated', label: zh.form.terminated },
          ]}
        />
      );
    case 'visitResult':
      return (
        <Radio.Group options={Object.entries(zh.visitResults).map(([value, label]) => ({ value, label }))} />
      );
    case 'staff':
      return (
        <Select
          showSearch
          optionFilterProp="label"
          options={staff?.map((s) => ({ value: s.id, label: s.displayName }))}
          style={{ width: 280 }}
        />
      );
    case 'checkbox':
      return <Checkbox>{field.label}</Checkbox>;
  }
}

const CHOICE_KINDS = new Set(['outcome', 'visitResult', 'ground', 'staff']);
function rulesOf(f: FieldSpec) {
  if (!f.required) return [];
  return CHOICE_KINDS.has(f.kind)
    ? chosen
    : [{ required: true, whitespace: f.kind === 'textarea', message: zh.form.required }];
}

/** One action's form: the fields its body needs, templates one click away, Ctrl+Enter submits. */
export function ActionForm(props: ActionFormProps) {
  const { spec, draft, busy, error, templates, type } = props;
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch([], form) ?? draft;
  const formId = useId();

  useEffect(() => {
    if (props.fieldErrors?.length) {
      const names = new Set(spec.fields.map((f) => f.name));
      form.setFields(props.fieldErrors.filter((f) => names.has(f.name)));
    }
  }, [props.fieldErrors, form, spec.fields]);

  const insertTemplate = (text: string) => {
    if (!spec.templateField) return;
    const prior = form.getFieldValue(spec.templateField);
    const next = typeof prior === 'string' && prior.trim() ? `${prior}\n${text}` : text;
    form.setFieldValue(spec.templateField, next);
    props.onDraft(form.getFieldsValue(true));
  };

  return (
    <Form
      form={form}
      id={formId}
      layout="vertical"
      initialValues={draft}
      onValuesChange={(_, all) => props.onDraft(all)}
      onFinish={props.onSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          form.submit();
        }
      }}
      aria-label={zh.actions[type] ?? type}
      data-testid={`action-form-${type}`}
    >
      {spec.fields
        .filter((f) => !f.when || f.when(values))
        .map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.kind === 'checkbox' ? undefined : f.label}
            valuePropName={f.kind === 'checkbox' ? 'checked' : 'value'}
            rules={rulesOf(f)}
          >
            {fieldControl(f, props.staff)}
          </Form.Item>
        ))}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Button
          type="primary"
          danger={spec.danger}
          htmlType="submit"
          loading={busy}
          aria-keyshortcuts="Control+Enter"
        >
          {zh.actions[type] ?? type}
        </Button>
        {spec.templateField && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: templates?.length
                ? templates.map((t) => ({ key: t.id, label: t.title, onClick: () => insertTemplate(t.text) }))
                : [{ key: 'none', label: zh.form.noTemplates, disabled: true }],
            }}
          >
            <Button>{zh.form.templates}</Button>
          </Dropdown>
        )}
        <Button onClick={props.onCancel}>{zh.app.cancel}</Button>
      </Space>
    </Form>
  );
}
