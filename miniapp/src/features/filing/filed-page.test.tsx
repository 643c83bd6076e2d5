import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aCase } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { __taro } from '../../../test/stubs/taro';
import { FiledPage } from './filed-page';
import { rememberFiledContact, rememberProfile } from './profile-offer';

const CONTACT = { name: '王小明', phone: '13800138000', address: '福建省厦门市思明区湖滨南路 1 号' };

describe('提交成功', () => {
  it('when a complaint was just filed, then its number, what happens next with the date, 查看进度 and 返回首页 stay on screen', async () => {
    loggedIn();
    const c = aCase();
    __taro.setRouterParams({ id: c.id, subscribed: '2' });
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<FiledPage />);
    expect(await screen.findByText('投诉已提交，我们已收到')).toBeInTheDocument();
    expect(screen.getByTestId('filed-case-no')).toHaveTextContent(c.caseNo);
    expect(screen.getByTestId('next-step')).toHaveTextContent('商家须在 2026-12-08 前与您协商');
    expect(screen.getByText('已订阅 2 项微信通知；进展也会出现在“消息”中')).toBeInTheDocument();
    fireEvent.click(screen.getByText('查看进度'));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/consumer/case/index?id=${c.id}` });
    fireEvent.click(screen.getByText('返回首页'));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('when the filing carried details not yet in 我的, then saving them is offered once; a save keeps the ID number', async () => {
    loggedIn();
    const c = aCase();
    __taro.setRouterParams({ id: c.id });
    rememberProfile({
      name: '旧名字',
      phone: '13900000000',
      address: '旧地址旧地址',
      idNumber: '350203199001011234',
    });
    rememberFiledContact(CONTACT);
    const api = fakeApi({
      [`GET /cases/${c.id}`]: { body: c },
      'PUT /me/profile': (s) => ({ body: { user: { id: 'u-consumer', role: 'consumer' }, profile: s.body } }),
    });
    render(<FiledPage />);
    fireEvent.click(await screen.findByText('保存'));
    await waitFor(() => expect(api.calls('PUT', '/me/profile')).toHaveLength(1));
    expect(api.calls('PUT', '/me/profile')[0].body).toEqual({ ...CONTACT, idNumber: '350203199001011234' });
    expect(await screen.findByText('已保存到“我的”')).toBeInTheDocument();
  });

  it('when the person declines the offer, then it is not asked again on the next filing', async () => {
    loggedIn();
    const c = aCase();
    __taro.setRouterParams({ id: c.id });
    rememberProfile(null);
    rememberFiledContact(CONTACT);
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    const first = render(<FiledPage />);
    fireEvent.click(await screen.findByText('不用了'));
    expect(screen.queryByTestId('profile-offer')).toBeNull();
    first.unmount();
    rememberFiledContact({ ...CONTACT, address: '另一个地址另一个地址' });
    render(<FiledPage />);
    expect(await screen.findByTestId('filed-case-no')).toBeInTheDocument();
    expect(screen.queryByTestId('profile-offer')).toBeNull();
  });
});
