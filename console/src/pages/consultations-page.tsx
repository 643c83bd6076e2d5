import { CONSULTATION_STATUSES, type FaqEntry } from '@weiquan/shared';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { categoryLabel, formatTime } from '../lib/labels';
import { useLoad } from '../lib/use-load';
import { canSupervise, useSession } from '../session/use-session';
import { CaseListPage } from './case-list-page';

/** Published answers: edit the wording or unpublish (supervisors and admins). */
function FaqList() {
  const { message } = App.useApp();
  const session = useSession();
  const [q, setQ] = useState<string>();
  const { data, error, loading, reload } = useLoad(() => api.faq(q), q ?? '');
  const [editing, setEditing] = useState<FaqEntry | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<{ question: string; answer: string }>();
  const may = canSupervise(session);

  async function save(v: { question: string; answer: string }) {
    if (!editing) return;
    setFormError(null);
    try {
      await api.updateFaq(editing.id, v);
      setEditing(null);
      await reload();
    } catch (err) {
      setFormError(errorText(err));
    }
  }
  async function unpublish(id: string) {
    try {
      await api.unpublishFaq(id);
      message.success(zh.case.done);
      await reload();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{zh.consultations.faq}</h2>}
      style={{ marginTop: 24 }}
    >
      {error ? <Alert type="error" showIcon role="alert" message={errorText(error)} /> : null}
      <Input.Search
        aria-label={zh.app.search}
        allowClear
        onSearch={(v) => setQ(v.trim() || undefined)}
        style={{ width: 320, marginBottom: 12 }}
      />
      <Table<FaqEntry>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: zh.case.question, dataIndex: 'question', width: '30%' },
          { title: zh.consultations.answer, dataIndex: 'answer', ellipsis: true },
          { title: zh.case.category, dataIndex: 'category', width: 120, render: categoryLabel },
          { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: formatTime },
          {
            title: '',
            key: 'ops',
            width: 180,
            render: (_, f) =>
              may && (
                <Space>
                  <Button
                    size="small"
                    onClick={() => {
                      setFormError(null);
                      setEditing(f);
                      form.setFieldsValue({ question: f.question, answer: f.answer });
                    }}
                  >
                    {zh.app.edit}
                  </Button>
                  <Popconfirm
                    title={zh.consultations.unpublishConfirm}
                    onConfirm={() => void unpublish(f.id)}
                    okText={zh.app.confirm}
                    cancelText={zh.app.cancel}
                  >
                    <Button size="small" danger>
                      {zh.consultations.unpublish}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={zh.app.edit}
        open={!!editing}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={zh.app.save}
        cancelText={zh.app.cancel}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="question"
            label={zh.case.question}
            rules={[{ required: true, whitespace: true, message: zh.form.required }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="answer"
            label={zh.consultations.answer}
            rules={[{ required: true, whitespace: true, message: zh.form.required }]}
          >
            <Input.TextArea autoSize={{ minRows: 4 }} maxLength={4000} />
          </Form.Item>
          {formError && <Alert type="error" showIcon role="alert" message={formError} />}
        </Form>
      </Modal>
    </Card>
  );
}

export default function ConsultationsPage() {
  return (
    <>
      <CaseListPage
        title={zh.consultations.heading}
        help={zh.consultations.help}
        query={{ kind: 'consultation' }}
        statuses={CONSULTATION_STATUSES}
      />
      <FaqList />
    </>
  );
}
