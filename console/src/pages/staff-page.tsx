import { STAFF_ROLES, type StaffAccount } from '@weiquan/shared';
import { Alert, App, Button, Form, Input, Modal, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { api, type Body } from '../api/endpoints';
import { PageHeader } from '../components/page-header';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { formatTime } from '../lib/labels';
import { useLoad } from '../lib/use-load';

const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: zh.roles[r] ?? r }));

export default function StaffPage() {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoad(() => api.staffAccounts(), 'staff');
  const [creating, setCreating] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<Body<'createStaffAccount'>>();

  async function update(account: StaffAccount, body: Body<'updateStaffAccount'>) {
    try {
      await api.updateStaffAccount(account.id, body);
      message.success(zh.case.done);
      await reload();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  async function create(values: Body<'createStaffAccount'>) {
    setFormError(null);
    try {
      await api.createStaffAccount(values);
      setCreating(false);
      form.resetFields();
      await reload();
    } catch (err) {
      setFormError(errorText(err));
    }
  }

  return (
    <>
      <PageHeader
        title={zh.staff.heading}
        error={error}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {zh.staff.create}
          </Button>
        }
      />
      <Table<StaffAccount>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: zh.staff.username, dataIndex: 'username' },
          { title: zh.staff.displayName, dataIndex: 'displayName' },
          {
            title: zh.staff.role,
            dataIndex: 'staffRole',
            render: (role: StaffAccount['staffRole'], a) => (
              <Select
                aria-label={`${a.displayName} ${zh.staff.role}`}
                value={role}
                options={roleOptions}
                style={{ width: 120 }}
                onChange={(staffRole) => void update(a, { staffRole })}
              />
            ),
          },
          {
            title: zh.staff.active,
            dataIndex: 'active',
            render: (active: boolean, a) => (
              <Switch
                aria-label={`${a.displayName} ${zh.staff.active}`}
                checked={active}
                onChange={(v) => void update(a, { active: v })}
              />
            ),
          },
          { title: zh.workbench.createdAt, dataIndex: 'createdAt', render: formatTime },
        ]}
      />
      <Modal
        title={zh.staff.create}
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={zh.app.save}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ staffRole: 'handler' }}>
          <Form.Item
            name="username"
            label={zh.staff.username}
            rules={[{ required: true, message: zh.form.required }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={zh.staff.displayName}
            rules={[{ required: true, message: zh.form.required }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="staffRole" label={zh.staff.role}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item
            name="password"
            label={zh.staff.password}
            rules={[{ required: true, min: 12, message: zh.staff.password }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {formError && <Alert type="error" showIcon role="alert" message={formError} />}
        </Form>
      </Modal>
    </>
  );
}
