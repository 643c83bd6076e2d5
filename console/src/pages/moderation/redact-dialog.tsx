import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { zh } from '../../i18n/zh-Hans';
import { errorText } from '../../lib/error-text';

const t = zh.moderation;

/** Asks why the content is redacted (the reason is kept with the decision); a failure keeps the text. */
export function RedactDialog({
  open,
  onRedact,
  onClose,
}: {
  open: boolean;
  onRedact(reason: string): Promise<void>;
  onClose(): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit({ reason }: { reason: string }) {
    setBusy(true);
    setFailure(null);
    try {
      await onRedact(reason.trim());
      form.resetFields();
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={open}
      title={t.redactTitle}
      okText={t.redact}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      cancelText={zh.app.cancel}
      onCancel={onClose}
      destroyOnHidden={false}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="redact-form">
        <Form.Item
          name="reason"
          label={t.redactReason}
          rules={[{ required: true, whitespace: true, message: zh.form.required }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount />
        </Form.Item>
        {failure && <Alert type="error" showIcon role="alert" message={failure} />}
      </Form>
    </Modal>
  );
}
