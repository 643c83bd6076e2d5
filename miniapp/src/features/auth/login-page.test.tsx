import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi } from '../../../test/fake-api';
import { getSession } from '../../lib/session';
import { LoginPage } from './login-page';

const meta = (mode: string) => ({ body: { mode, templates: {}, version: 't', categories: [] } });

describe('login', () => {
  it('when the BFF runs in emulator mode, then H5 offers the demo login and sends dev:<name>', async () => {
    const api = fakeApi({
      'GET /meta': meta('emulator'),
      'POST /auth/wechat': {
        body: {
          accessToken: 'a',
          refreshToken: 'r',
          expiresIn: 900,
          user: { id: 'dev:小明', role: 'consumer' },
        },
      },
    });
    render(<LoginPage />);
    fireEvent.change(await screen.findByLabelText('名字'), { target: { value: '小明' } });
    fireEvent.click(screen.getByText('演示登录'));
    await waitFor(() => expect(getSession('consumer')?.accessToken).toBe('a'));
    expect(api.calls('POST', '/auth/wechat')[0].body).toEqual({ code: 'dev:小明' });
  });

  it('when the BFF runs with real WeChat, then H5 offers no demo login', async () => {
    fakeApi({ 'GET /meta': meta('wechat') });
    render(<LoginPage />);
    expect(await screen.findByText('请在微信中打开本小程序登录')).toBeInTheDocument();
    expect(screen.queryByText('演示登录')).toBeNull();
  });
});
