import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FireOutlined,
  MessageOutlined,
  PhoneOutlined,
  ReadOutlined,
  SafetyOutlined,
  ShopOutlined,
  SnippetsOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { zh } from '../i18n/zh-Hans';
import { setSession } from '../session/session-store';
import { canSupervise, isAdmin, useSession } from '../session/use-session';

interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
  show?: 'supervisor' | 'admin';
}
const NAV: NavItem[] = [
  { key: '/', label: zh.nav.workbench, icon: <DashboardOutlined /> },
  { key: '/intake', label: zh.nav.intake, icon: <PhoneOutlined /> },
  { key: '/visits', label: zh.nav.visits, icon: <UserSwitchOutlined /> },
  { key: '/reports', label: zh.nav.reports, icon: <AlertOutlined /> },
  { key: '/consultations', label: zh.nav.consultations, icon: <MessageOutlined /> },
  { key: '/articles', label: zh.nav.articles, icon: <ReadOutlined /> },
  { key: '/hotspots', label: zh.nav.hotspots, icon: <FireOutlined /> },
  { key: '/merchants', label: zh.nav.merchants, icon: <ShopOutlined /> },
  { key: '/data', label: zh.nav.data, icon: <BarChartOutlined /> },
  { key: '/templates', label: zh.nav.templates, icon: <SnippetsOutlined /> },
  { key: '/moderation', label: zh.nav.moderation, icon: <SafetyOutlined /> },
  { key: '/calendar', label: zh.nav.calendar, icon: <CalendarOutlined /> },
  { key: '/staff', label: zh.nav.staff, icon: <TeamOutlined />, show: 'admin' },
  { key: '/audit', label: zh.nav.audit, icon: <AuditOutlined />, show: 'admin' },
];

export function ConsoleLayout() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const items = NAV.filter(
    (n) => !n.show || (n.show === 'admin' ? isAdmin(session) : canSupervise(session)),
  ).map(({ key, label, icon }) => ({ key, label, icon }));
  const selected = location.pathname.startsWith('/cases') ? '/' : location.pathname;
  const user = session?.user;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {zh.app.skipToContent}
      </a>
      <Layout.Sider
        width={200}
        theme="light"
        breakpoint="xl"
        collapsedWidth={64}
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <nav aria-label={zh.app.short}>
          <Typography.Title level={5} style={{ padding: '16px 16px 8px', margin: 0 }}>
            {zh.app.title}
          </Typography.Title>
          <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={({ key }) => navigate(key)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space>
            <Typography.Text>
              {user?.displayName ?? user?.username}
              {user?.staffRole ? `（${zh.roles[user.staffRole] ?? user.staffRole}）` : ''}
            </Typography.Text>
            <Button
              onClick={() => {
                setSession(null);
                navigate('/login');
              }}
            >
              {zh.app.logout}
            </Button>
          </Space>
        </Layout.Header>
        {/* Layout.Content renders the page's <main> landmark */}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
