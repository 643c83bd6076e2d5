import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api/endpoints';
import { ApiError } from '../api/http';
import { zh } from '../i18n/zh-Hans';
import { errorText } from '../lib/error-text';
import { setSession } from '../session/session-store';
import { useSession } from '../session/use-session';

/** Only paths inside the console: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (session && !busy) return <Navigate to={next} replace />;

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.login(values.username, values.password);
      if (answer.user.role !== 'staff') throw new ApiError(401, 'UNAUTHENTICATED', 'not staff');
      setSession(answer);
      // GET /me carries the staff role and display name where the token answer does not yet
      try {
        const me = await api.me();
        setSession({ ...answer, user: { ...answer.user, ...me.user } });
      } catch {
        /* the token answer alone is enough to work */
      }
      navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'UNAUTHENTICATED' ? zh.login.wrong : errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}
      aria-labelledby="login-heading"
    >
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} id="login-heading">
          {zh.app.title}
        </Typography.Title>
        <Typography.Paragraph>{zh.login.heading}</Typography.Paragraph>
        {params.get('expired') && !error && (
          <Alert type="warning" showIcon message={zh.login.expired} style={{ marginBottom: 16 }} />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={zh.login.username}
            name="username"
            rules={[{ required: true, message: zh.login.usernameRequired }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={zh.login.password}
            name="password"
            rules={[{ required: true, message: zh.login.passwordRequired }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {zh.login.submit}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
