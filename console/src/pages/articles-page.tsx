import { ARTICLE_KINDS, CATEGORIES, type Article, type ArticleKind } from '@weiquan/shared';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, type Body } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { categoryLabel, formatTime } from '../lib/labels';
import { useLoad } from '../lib/use-load';
import { CursorPager, useCursorPages } from './workbench/cursor-pager';

export default function ArticlesPage() {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ArticleKind | undefined>();
  const pages = useCursorPages(kind ?? '');
  const { data, error, loading, reload } = useLoad(
    () => api.articles(kind, pages.cursor),
    `${kind}|${pages.cursor}`,
  );
  const [form] = Form.useForm<Body<'publishArticle'>>();
  const [formError, setFormError] = useState<string | null>(null);

  async function publish(v: Body<'publishArticle'>) {
    setFormError(null);
    try {
      await api.publishArticle(v);
      form.resetFields();
      message.success(zh.articles.published);
      await reload();
    } catch (err) {
      setFormError(errorText(err));
    }
  }

  return (
    <>
      <PageHeader title={zh.articles.heading} error={error} />
      <Card size="small" title={zh.articles.publish} style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={publish}
          initialValues={{ kind: 'warning' }}
          aria-label={zh.articles.publish}
        >
          <Form.Item name="kind" label={zh.workbench.kind}>
            <Radio.Group
              optionType="button"
              options={ARTICLE_KINDS.map((k) => ({ value: k, label: zh.articles[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={zh.articles.title}
            rules={[{ required: true, whitespace: true, message: zh.form.required }]}
          >
            <Input maxLength={100} style={{ maxWidth: 600 }} />
          </Form.Item>
          <Form.Item name="category" label={zh.case.category}>
            <Select
              allowClear
              style={{ maxWidth: 300 }}
              options={CATEGORIES.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
          <Form.Item
            name="body"
            label={zh.articles.body}
            rules={[{ required: true, whitespace: true, message: zh.form.required }]}
          >
            <Input.TextArea autoSize={{ minRows: 6 }} maxLength={20000} showCount />
          </Form.Item>
          {formError && (
            <Alert type="error" showIcon role="alert" message={formError} style={{ marginBottom: 12 }} />
          )}
          <Button type="primary" htmlType="submit">
            {zh.articles.publish}
          </Button>
        </Form>
      </Card>
      <Radio.Group
        optionType="button"
        value={kind ?? 'all'}
        onChange={(e) => setKind(e.target.value === 'all' ? undefined : e.target.value)}
        options={[
          { value: 'all', label: zh.queues.all },
          ...ARTICLE_KINDS.map((k) => ({ value: k, label: zh.articles[k] })),
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<Article>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: zh.articles.title, dataIndex: 'title' },
          {
            title: zh.workbench.kind,
            dataIndex: 'kind',
            width: 120,
            render: (k: ArticleKind) => <Tag>{zh.articles[k]}</Tag>,
          },
          {
            title: zh.case.category,
            dataIndex: 'category',
            width: 140,
            render: (c: string | null) => (c ? categoryLabel(c) : '—'),
          },
          { title: zh.articles.published, dataIndex: 'publishedAt', width: 180, render: formatTime },
        ]}
        expandable={{ expandedRowRender: (a) => <div style={{ whiteSpace: 'pre-wrap' }}>{a.body}</div> }}
      />
      <div style={{ marginTop: 16 }}>
        <CursorPager pages={pages} nextCursor={data?.nextCursor ?? null} />
      </div>
    </>
  );
}
