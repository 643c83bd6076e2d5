import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aCase } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { __taro } from '../../../test/stubs/taro';
import { LANGUAGES, translate } from '../../i18n';
import { CaseDetailPage } from './case-detail';

describe('投诉详情', () => {
  it('when the case allows only withdraw and supplement, then only those buttons show', async () => {
    loggedIn();
    const c = aCase({ allowedActions: ['withdraw', 'supplement'] });
    __taro.setRouterParams({ id: c.id });
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<CaseDetailPage />);
    expect(await screen.findByText('撤回')).toBeInTheDocument();
    expect(screen.getByText('补充材料')).toBeInTheDocument();
    expect(screen.queryByText('接受')).toBeNull();
    expect(screen.queryByText('不接受')).toBeNull();
    expect(screen.queryByText('评价')).toBeNull();
    expect(screen.getByText('剩 10 个工作日')).toBeInTheDocument();
  });

  it('when a proposal awaits the consumer, then 接受 and 不接受 show, the next step says there is no deadline and what not answering means, and a rejection sends its reason with the version', async () => {
    loggedIn();
    const c = aCase({
      status: 'awaiting_consumer',
      version: 3,
      proposal: { text: '退一半', refundFen: 9950, at: '2026-11-25T10:00:00+08:00' },
      allowedActions: ['accept_proposal', 'reject_proposal', 'withdraw'],
    });
    __taro.setRouterParams({ id: c.id });
    const api = fakeApi({
      [`GET /cases/${c.id}`]: { body: c },
      [`POST /cases/${c.id}/actions`]: (s) => ({
        body: {
          ...c,
          status: 'pending_acceptance',
          version: 4,
          allowedActions: ['withdraw'],
          timeline: [
            ...c.timeline,
            {
              type: s.body.type,
              actorRole: 'consumer',
              at: '2026-11-25T11:00:00+08:00',
              reason: s.body.reason,
            },
          ],
        },
      }),
    });
    render(<CaseDetailPage />);
    expect(await screen.findByText('退款 99.50 元')).toBeInTheDocument();
    expect(screen.getByText('接受')).toBeInTheDocument();
    expect(screen.queryByText('评价')).toBeNull();
    expect(screen.getByTestId('next-step')).toHaveTextContent('不接受则转交 12315 投诉中心受理');
    // the domain sets the consumer no deadline here: the page says what not answering means instead
    expect(screen.getByTestId('next-step')).toHaveTextContent('答复没有期限');
    expect(screen.getByTestId('next-step')).toHaveTextContent('方案不会自动生效，12315 也不会自动介入');
    fireEvent.click(screen.getByText('不接受'));
    expect(screen.getByTestId('reject-consequence')).toHaveTextContent('投诉将转交 12315 投诉中心处理');
    fireEvent.change(screen.getByLabelText('不接受的理由'), { target: { value: '只退一半不合理' } });
    fireEvent.click(screen.getByText('不接受并转交 12315'));
    await waitFor(() => expect(api.calls('POST', `/cases/${c.id}/actions`)).toHaveLength(1));
    expect(taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('转交 12315 投诉中心') }),
    );
    expect(api.calls('POST', `/cases/${c.id}/actions`)[0].body).toEqual({
      type: 'reject_proposal',
      reason: '只退一半不合理',
      expectedVersion: 3,
    });
    expect(await screen.findByText('待受理')).toBeInTheDocument();
    expect(screen.queryByText('接受')).toBeNull();
    // the proposal stays on the case, marked as declined
    expect(screen.getByTestId('proposal-fate')).toHaveTextContent('已拒绝');
  });

  it('when the consumer taps 接受 and then cancels the question, then nothing is sent', async () => {
    loggedIn();
    const c = aCase({
      status: 'awaiting_consumer',
      allowedActions: ['accept_proposal', 'reject_proposal'],
      proposal: { text: '全额退款', at: '2026-11-25T10:00:00+08:00' },
    });
    __taro.setRouterParams({ id: c.id });
    const api = fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    (taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<CaseDetailPage />);
    fireEvent.click(await screen.findByText('接受'));
    await waitFor(() =>
      expect(taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: expect.stringContaining('和解结案') }),
      ),
    );
    expect(api.calls('POST', `/cases/${c.id}/actions`)).toHaveLength(0);
  });

  it('when the consumer opens evidence on WeChat, then it is downloaded with the consumer token and previewed', async () => {
    loggedIn();
    __taro.setEnv('WEAPP');
    const c = aCase({ attachments: [{ id: 'up-1', mime: 'image/png', size: 100 }] });
    __taro.setRouterParams({ id: c.id });
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<CaseDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '查看证据 1' }));
    await waitFor(() => expect(taro.previewImage).toHaveBeenCalledTimes(1));
    expect(taro.downloadFile).toHaveBeenCalledWith({
      url: 'http://localhost:3000/api/v1/uploads/up-1',
      header: { Authorization: 'Bearer consumer-access' },
    });
    expect(taro.previewImage).toHaveBeenCalledWith({
      urls: ['wxfile://tmp/evidence.png'],
      current: 'wxfile://tmp/evidence.png',
    });
  });

  it('when the server refuses an action, then its own message is shown', async () => {
    loggedIn();
    const c = aCase({
      status: 'awaiting_consumer',
      allowedActions: ['accept_proposal'],
      proposal: { text: '全额退款', at: '2026-11-25T10:00:00+08:00' },
    });
    __taro.setRouterParams({ id: c.id });
    fakeApi({
      [`GET /cases/${c.id}`]: { body: c },
      [`POST /cases/${c.id}/actions`]: {
        status: 409,
        body: { error: { code: 'VERSION_CONFLICT', message: '案件已被更新，请刷新后重试' } },
      },
    });
    render(<CaseDetailPage />);
    fireEvent.click(await screen.findByText('接受'));
    expect(await screen.findByText('案件已被更新，请刷新后重试')).toBeInTheDocument();
  });

  it('when WeChat content security rejects a supplement, then the plain-words message stands below the text', async () => {
    loggedIn();
    const c = aCase({ status: 'pending_acceptance', allowedActions: ['supplement'] });
    __taro.setRouterParams({ id: c.id });
    fakeApi({
      [`GET /cases/${c.id}`]: { body: c },
      [`POST /cases/${c.id}/actions`]: {
        status: 422,
        body: {
          error: {
            code: 'CONTENT_REJECTED',
            message: 'This text cannot be published',
            details: [{ path: 'text', label: 20006 }],
          },
        },
      },
    });
    render(<CaseDetailPage />);
    fireEvent.click(await screen.findByText('补充材料'));
    fireEvent.change(screen.getByLabelText('补充说明'), { target: { value: '补充一段说明文字' } });
    fireEvent.click(document.getElementById('confirm-supplement')!);
    expect(await screen.findByText('这段文字含有不宜公开的内容，请修改后再提交')).toBeInTheDocument();
    expect(screen.queryByText('This text cannot be published')).not.toBeInTheDocument();
  });

  it('when an ended case may be rated, then 评价 sends the chosen stars', async () => {
    loggedIn();
    const c = aCase({ status: 'closed', allowedActions: ['rate'] });
    __taro.setRouterParams({ id: c.id });
    const api = fakeApi({
      [`GET /cases/${c.id}`]: { body: c },
      [`POST /cases/${c.id}/actions`]: { body: { ...c, allowedActions: [], rating: { score: 4 } } },
    });
    const { container } = render(<CaseDetailPage />);
    fireEvent.click(await screen.findByText('评价'));
    const stars = container.querySelectorAll('#rate-stars .nut-rate-item');
    expect(stars).toHaveLength(5);
    fireEvent.click(stars[3].querySelector('.nut-rate-item-icon') ?? stars[3]);
    fireEvent.click(screen.getByText('发送'));
    await waitFor(() => expect(api.calls('POST', `/cases/${c.id}/actions`)).toHaveLength(1));
    expect(api.calls('POST', `/cases/${c.id}/actions`)[0].body).toMatchObject({ type: 'rate', score: 4 });
  });

  it('when the confirmation buttons are labelled in any language, then each fits showModal (at most 4 Chinese characters or 8 letters)', () => {
    for (const lang of LANGUAGES.map((l) => l.code))
      for (const key of ['case.acceptYes', 'case.rejectYes', 'common.cancel'] as const) {
        const label = translate(lang, key);
        expect({ lang, key, units: label.replace(/[\u0391-\uFFE5]/g, 'aa').length <= 8 }).toEqual({
          lang,
          key,
          units: true,
        });
      }
  });
});
