import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { ClaimPage } from './claim-page';

describe('查询电话登记的投诉', () => {
  afterEach(() => taro.__taro.reset());

  it('when a caller enters the case number and claim code, then the case is claimed and its page opens', async () => {
    loggedIn();
    const api = fakeApi({ 'POST /cases/claim': { body: { id: 'case-1', caseNo: 'XM20261124000001' } } });
    render(<ClaimPage />);
    fireEvent.change(screen.getByLabelText('案件编号'), { target: { value: 'xm20261124000001' } });
    fireEvent.change(screen.getByLabelText('查询码（8 位数字）'), { target: { value: '12345678' } });
    fireEvent.click(screen.getByText('查询并绑定'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    expect(api.calls('POST', '/cases/claim')[0].body).toEqual({
      caseNo: 'XM20261124000001',
      claimCode: '12345678',
    });
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/consumer/case/index?id=case-1' });
  });

  it('when the code is not 8 digits, then nothing is sent and the page says what to enter', async () => {
    loggedIn();
    const api = fakeApi({});
    render(<ClaimPage />);
    fireEvent.change(screen.getByLabelText('案件编号'), { target: { value: 'XM20261124000001' } });
    fireEvent.change(screen.getByLabelText('查询码（8 位数字）'), { target: { value: '1234' } });
    fireEvent.click(screen.getByText('查询并绑定'));
    expect(await screen.findByText('请填写案件编号和 8 位数字查询码')).toBeTruthy();
    expect(api.calls('POST', '/cases/claim')).toEqual([]);
  });

  it('when the pair is wrong, then the BFF’s 404 is shown and the page stays', async () => {
    loggedIn();
    fakeApi({
      'POST /cases/claim': {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'No case with this number and claim code' } },
      },
    });
    render(<ClaimPage />);
    fireEvent.change(screen.getByLabelText('案件编号'), { target: { value: 'XM20261124000001' } });
    fireEvent.change(screen.getByLabelText('查询码（8 位数字）'), { target: { value: '87654321' } });
    fireEvent.click(screen.getByText('查询并绑定'));
    await waitFor(() =>
      expect(screen.queryByText(/./, { selector: '[role="alert"], .wq-error' })).toBeTruthy(),
    );
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });
});
