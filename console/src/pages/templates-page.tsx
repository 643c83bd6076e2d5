import { ACTION_TYPES, type ReplyTemplate } from '@weiquan/shared';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { api, type Body } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { actionLabel } from '../lib/labels';
import { useLoad } from '../lib/use-load';
import { ACTION_ORDER } from './case/action-specs';

const actionOptions = ACTION_ORDER.filter((a) => ACTION_TYPES.includes(a)).map((a) => ({
  value: a,
  label: actionLabel(a),
}));

export default function TemplatesPage() {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoad(() => api.templates(), 'templates');
  const [form] = Form.useForm<Body<'createReplyTemplate'>>();
  const [formError, setFormError] = useState<string | null>(null);

  async function create(values: Body<'createReplyTemplate'>) {
    setFormError(null);
    try {
      await api.createTemplate(values);
      form.resetFields();
      message.success(zh.case.done);
      await reload();
    } catch (err) {
      setFormError(errorText(err));
    }
  }
  async function remove(id: string) {
    try {
      await api.deleteTemplate(id);
      await reload();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <>
      <PageHeader title={zh.templates.heading} error={error} />
      <Card size="small" title={zh.templates.create} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={create} aria-label={zh.templates.create}>
          <Form.Item
            name="title"
            label={zh.templates.title}
            rules={[{ required: true, whitespace: true, message: zh.form.required }]}
          >
            <Input style={{ maxWidth: 400 }} />
          </Form.Item>
          <Form.Item name="action" label={zh.templates.action}>
            <Select
              allowClear
              placeholder={zh.templates.anyAction}
              options={actionOptions}
              style={{ maxWidth: 240 }}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={zh.templates.text}
            rules={[{ required: true, whitespace: true, message: zh.form.required }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} showCount />
          </Form.Item>
          {formError && (
            <Alert type="error" showIcon role="alert" message={formError} style={{ marginBottom: 12 }} />
          )}
          <Button type="primary" htmlType="submit">
            {zh.app.save}
          </Button>
        </Form>
      </Card>
      <Table<ReplyTemplate>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: zh.templates.title, dataIndex: 'title', width: 200 },
          {
            title: zh.templates.action,
            dataIndex: 'action',
            width: 140,
            render: (a: string | null) => (a ? actionLabel(a) : zh.templates.anyAction),
          },
          { title: zh.templates.text, dataIndex: 'text' },
          {
            title: '',
            key: 'delete',
            width: 90,
            render: (_, t) => (
              <Popconfirm
                title={`${zh.app.delete}「${t.title}」？`}
                onConfirm={() => void remove(t.id)}
                okText={zh.app.confirm}
                cancelText={zh.app.cancel}
              >
                <Button danger size="small">
                  {zh.app.delete}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
