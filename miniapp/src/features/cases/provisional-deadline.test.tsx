import { render, screen } from '@testing-library/react';
import { aCase } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import { __taro } from '../../../test/stubs/taro';
import { CaseDetailPage } from './case-detail';

describe('a provisional due date', () => {
  it('when the period reaches a year whose holidays are not out, then the due date is marked 预计 with one line saying why', async () => {
    loggedIn();
    const c = aCase({
      status: 'mediating',
      deadlines: [
        { kind: 'mediation', dueAt: '2027-02-03T23:59:59+08:00', workingDaysLeft: 45, provisional: true },
      ],
    });
    __taro.setRouterParams({ id: c.id });
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<CaseDetailPage />);
    expect(await screen.findByText('预计')).toBeInTheDocument();
    expect(screen.getByText(/明年节假日安排尚未公布/)).toBeInTheDocument();
  });

  it('when the due date is covered by the official calendar, then nothing is marked', async () => {
    loggedIn();
    const c = aCase({
      status: 'mediating',
      deadlines: [{ kind: 'mediation', dueAt: '2026-12-20T23:59:59+08:00', workingDaysLeft: 10 }],
    });
    __taro.setRouterParams({ id: c.id });
    fakeApi({ [`GET /cases/${c.id}`]: { body: c } });
    render(<CaseDetailPage />);
    expect(await screen.findByText('调解期限')).toBeInTheDocument();
    expect(screen.queryByText('预计')).toBeNull();
  });
});
