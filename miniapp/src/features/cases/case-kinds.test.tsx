import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aCase } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import { __taro } from '../../../test/stubs/taro';
import { CaseDetailPage } from './case-detail';

describe('detail pages by kind', () => {
  it('when a consultation has been answered, then the question, the answer and 追问 show, and a follow-up is sent', async () => {
    loggedIn();
    const c = aCase({
      kind: 'consultation',
      status: 'answered',
      merchant: null,
      facts: undefined,
      demand: undefined,
      question: '健身房关门了，预付卡的钱怎么要回来？',
      deadlines: [],
      allowedActions: ['follow_up'],
      timeline: [
        { type: 'filed', actorRole: 'consumer', at: '2026-11-24T10:00:00+08:00' },
        {
          type: 'answer',
          actorRole: 'staff',
          at: '2026-11-25T10:00:00+08:00',
          text: '可向经营者所在地市场监管部门投诉，并保留合同和付款凭证。',
        },
      ],
    });
    __taro.setRouterParams({ id: c.id });
    const api = fakeApi({
      [`GET /cases/${c.id}`]: { body: c },
      [`POST /cases/${c.id}/actions`]: { body: { ...c, status: 'open', allowedActions: [] } },
    });
    render(<CaseDetailPage />);
    expect(await screen.findByText(`咨询编号 ${c.caseNo}`)).toBeInTheDocument();
    expect(screen.getByTestId('answer')).toHaveTextContent('保留合同和付款凭证');
    expect(screen.queryByText('撤回')).toBeNull();
    fireEvent.click(screen.getByText('追问'));
    fireEvent.change(screen.getByLabelText('追问内容'), { target: { value: '合同丢了怎么办？' } });
    fireEvent.click(screen.getByText('发送'));
    await waitFor(() => expect(api.calls('POST', `/cases/${c.id}/actions`)).toHaveLength(1));
    expect(api.calls('POST', `/cases/${c.id}/actions`)[0].body).toEqual({
      type: 'follow_up',
      text: '合同丢了怎么办？',
      expectedVersion: 1,
    });
    expect(await screen.findByText('待答复')).toBeInTheDocument();
  });

  it('when a verifying report is opened from the duplicate warning path, then 补充材料 is open at once and the reporter is private', async () => {
    loggedIn();
    const c = aCase({
      kind: 'report',
      status: 'verifying',
      reporter: null,
      demand: undefined,
      allowedActions: ['supplement'],
      deadlines: [{ kind: 'report_verification', dueAt: '2026-12-15T23:59:59+08:00', workingDaysLeft: 15 }],
    });
    __taro.setRouterParams({ id: c.id, panel: 'supplement' });
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<CaseDetailPage />);
    expect(await screen.findByText(`举报编号 ${c.caseNo}`)).toBeInTheDocument();
    expect(screen.getByTestId('reporter')).toHaveTextContent('匿名举报');
    expect(screen.getByTestId('reporter')).toHaveTextContent('被举报商家看不到举报人');
    expect(screen.getByText('核查期限')).toBeInTheDocument();
    expect(screen.getByLabelText('补充说明')).toBeInTheDocument();
    expect(screen.queryByText('撤回')).toBeNull();
  });
});
