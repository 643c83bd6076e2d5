import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aMeta } from '../../../test/factories';
import { fakeApi, loggedIn, mountRequestsAnswered } from '../../../test/fake-api';
import { setPhoneNumberDetail } from '../../../test/stubs/components';
import * as taro from '../../../test/stubs/taro';
import { MePage } from './me-page';

const PROFILE = { name: '王小明', phone: '13800138000', address: '福建省厦门市思明区湖滨南路 1 号' };

function api(verifiedPhone: string | null, after = verifiedPhone, mode = 'wechat') {
  let exchanged = false;
  return fakeApi({
    'GET /meta': { body: { ...aMeta(), mode } },
    'GET /me': () => ({
      body: {
        user: { id: 'u-consumer', role: 'consumer' },
        profile: exchanged && after ? { ...PROFILE, phone: after } : PROFILE,
        verifiedPhone: exchanged ? after : verifiedPhone,
      },
    }),
    'POST /me/phone': () => {
      exchanged = true;
      return { body: { profile: null, verifiedPhone: '137****5678' } };
    },
  });
}

describe('the verified phone button', () => {
  afterEach(() => taro.__taro.reset());

  it('when WeChat gives a code, then it goes to POST /me/phone, the field gets the verified number and is marked', async () => {
    taro.__taro.setEnv('WEAPP');
    loggedIn();
    const server = api(null, '13712345678');
    render(<MePage />);
    const button = await screen.findByText('使用微信绑定的手机号');
    expect(button).toHaveAttribute('data-open-type', 'getPhoneNumber');
    expect(screen.queryByText('已验证')).not.toBeInTheDocument();
    setPhoneNumberDetail({ code: 'wx-phone-code-1', errMsg: 'getPhoneNumber:ok' });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByLabelText('手机号')).toHaveValue('13712345678'));
    expect(server.calls('POST', '/me/phone')[0].body).toEqual({ code: 'wx-phone-code-1' });
    expect(screen.getByText('已验证')).toBeInTheDocument();
    expect(screen.queryByText('使用微信绑定的手机号')).not.toBeInTheDocument();
  });

  it('when the person refuses in WeChat, then nothing is sent and the typed number stays', async () => {
    taro.__taro.setEnv('WEAPP');
    loggedIn();
    const server = api(null);
    render(<MePage />);
    setPhoneNumberDetail({ errMsg: 'getPhoneNumber:fail user deny' });
    fireEvent.click(await screen.findByText('使用微信绑定的手机号'));
    await mountRequestsAnswered();
    expect(server.calls('POST', '/me/phone')).toHaveLength(0);
    expect(screen.getByLabelText('手机号')).toHaveValue('13800138000');
    expect(taro.showToast).toHaveBeenCalledWith({ title: '未能获取手机号，请手动填写', icon: 'none' });
  });

  it('when the profile phone is the verified one, then it is marked and no button is offered', async () => {
    taro.__taro.setEnv('WEAPP');
    loggedIn();
    api('13800138000');
    render(<MePage />);
    expect(await screen.findByText('已验证')).toBeInTheDocument();
    expect(screen.queryByText('使用微信绑定的手机号')).not.toBeInTheDocument();
  });

  it('when on H5 outside emulator mode, then there is no button; in emulator mode the typed number can be verified', async () => {
    loggedIn();
    api(null, '13800138000', 'wechat');
    const { unmount } = render(<MePage />);
    await mountRequestsAnswered();
    await mountRequestsAnswered();
    expect(screen.queryByText('使用微信绑定的手机号')).not.toBeInTheDocument();
    expect(screen.queryByText('演示：验证上面填写的手机号')).not.toBeInTheDocument();
    unmount();

    const server = api(null, '13800138000', 'emulator');
    render(<MePage />);
    fireEvent.click(await screen.findByText('演示：验证上面填写的手机号'));
    expect(await screen.findByText('已验证')).toBeInTheDocument();
    expect(server.calls('POST', '/me/phone')[0].body).toEqual({ code: 'dev:13800138000' });
  });
});
