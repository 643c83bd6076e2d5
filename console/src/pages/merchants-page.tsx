import type { StaffMerchant } from '@weiquan/shared';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, type Body } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { useLoad } from '../lib/use-load';
import { isAdmin, useSession } from '../session/use-session';
import { CursorPager, useCursorPages } from './workbench/cursor-pager';

interface MerchantForm {
  name: string;
  address: string;
  district: string;
  uscc?: string;
  badges: string[];
}
const BADGES = ['odr', 'noReasonReturn', 'rightsStation'] as const;
const badgesOf = (list: string[] = []) =>
  Object.fromEntries(BADGES.map((b) => [b, list.includes(b)])) as Record<(typeof BADGES)[number], boolean>;

export default function MerchantsPage() {
  const { message, modal } = App.useApp();
  const session = useSession();
  const [q, setQ] = useState<string>();
  const pages = useCursorPages(q ?? '');
  const { data, error, loading, reload } = useLoad(
    () => api.staffMerchants(q, pages.cursor),
    `${q}|${pages.cursor}`,
  );
  const [editing, setEditing] = useState<StaffMerchant | 'new' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<MerchantForm>();
  const admin = isAdmin(session);

  const showCode = (name: string, code: string) =>
    modal.info({
      title: `${name}：${zh.merchants.codeShown}`,
      content: (
        <div className="claim-code" data-testid="binding-code">
          {code}
        </div>
      ),
      okText: zh.app.confirm,
    });

  async function save(v: MerchantForm) {
    setFormError(null);
    const body = {
      name: v.name,
      address: v.address,
      district: v.district,
      uscc: v.uscc?.trim() || undefined,
      badges: badgesOf(v.badges),
    };
    try {
      if (editing === 'new') {
        const created = await api.createMerchant(body as Body<'createMerchant'>);
        showCode(created.name, created.bindingCode);
      } else if (editing) await api.updateMerchant(editing.id, body as Body<'updateMerchant'>);
      setEditing(null);
      await reload();
    } catch (err) {
      setFormError(errorText(err));
    }
  }

  async function rotate(m: StaffMerchant) {
    try {
      const { bindingCode } = await api.newBindingCode(m.id);
      showCode(m.name, bindingCode);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const open = (m: StaffMerchant | 'new') => {
    setFormError(null);
    setEditing(m);
    form.setFieldsValue(
      m === 'new'
        ? { name: '', address: '', district: '', uscc: '', badges: [] }
        : { ...m, uscc: m.uscc ?? '', badges: BADGES.filter((b) => m.badges[b]) },
    );
  };

  return (
    <>
      <PageHeader
        title={zh.merchants.heading}
        error={error}
        extra={
          admin && (
            <Button type="primary" onClick={() => open('new')}>
              {zh.merchants.create}
            </Button>
          )
        }
      />
      <Input.Search
        aria-label={zh.app.search}
        placeholder={zh.merchants.name}
        allowClear
        onSearch={(v) => setQ(v.trim() || undefined)}
        style={{ width: 320, marginBottom: 16 }}
      />
      <Table<StaffMerchant>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: zh.merchants.name, dataIndex: 'name' },
          { title: zh.merchants.district, dataIndex: 'district', width: 100 },
          { title: zh.merchants.address, dataIndex: 'address', ellipsis: true },
          {
            title: zh.merchants.badges,
            key: 'badges',
            render: (_, m) => (
              <Space size={4} wrap>
                {BADGES.filter((b) => m.badges[b]).map((b) => (
                  <Tag key={b} color={b === 'odr' ? 'blue' : 'green'}>
                    {zh.merchants[b]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: zh.merchants.boundUsers, dataIndex: 'boundUsers', width: 90 },
          { title: zh.merchants.openComplaints, dataIndex: 'openComplaints', width: 90 },
          {
            title: '',
            key: 'ops',
            width: 220,
            render: (_, m) =>
              admin && (
                <Space>
                  <Button size="small" onClick={() => open(m)}>
                    {zh.app.edit}
                  </Button>
                  <Button size="small" onClick={() => void rotate(m)}>
                    {zh.merchants.newCode}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <CursorPager pages={pages} nextCursor={data?.nextCursor ?? null} />
      </div>
      <Modal
        title={editing === 'new' ? zh.merchants.create : zh.app.edit}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={zh.app.save}
        cancelText={zh.app.cancel}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="name"
            label={zh.merchants.name}
            rules={[{ required: true, message: zh.form.required }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="address"
            label={zh.merchants.address}
            rules={[{ required: true, message: zh.form.required }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="district"
            label={zh.merchants.district}
            rules={[{ required: true, message: zh.form.required }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="uscc" label={zh.merchants.uscc}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="badges" label={zh.merchants.badges}>
            <Checkbox.Group options={BADGES.map((b) => ({ value: b, label: zh.merchants[b] }))} />
          </Form.Item>
          {formError && <Alert type="error" showIcon role="alert" message={formError} />}
        </Form>
      </Modal>
    </>
  );
}
