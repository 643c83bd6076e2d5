import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aMerchant } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { forgetTimelyRates } from '../filing/merchant-picker';
import { FileComplaintWizard } from './wizard';

const MERCHANT = aMerchant();
const OPEN = {
  id: 'c-open',
  caseNo: 'XM202611200001',
  kind: 'complaint',
  status: 'merchant_negotiating',
  category: 'catering',
  priority: false,
  merchant: { id: MERCHANT.id, name: MERCHANT.name },
  createdAt: '2026-11-20T10:00:00+08:00',
  updatedAt: '2026-11-20T10:00:00+08:00',
  nextDueAt: null,
};

function api(open: unknown[]) {
  return fakeApi({
    'GET /meta': { body: { mode: 'emulator', templates: {}, version: 't', categories: [] } },
    'GET /me': { body: { user: { id: 'u-consumer', role: 'consumer' }, profile: null } },
    'GET /merchants': { body: { items: [MERCHANT] } },
    'GET /cases': { body: { items: open, nextCursor: null } },
  });
}

async function pickMerchant() {
  fireEvent.change(screen.getByLabelText('搜索商家'), { target: { value: '鼓浪屿' } });
  fireEvent.click(screen.getByText('搜索'));
  fireEvent.click(await screen.findByText(MERCHANT.name));
}

describe('duplicate warning', () => {
  beforeEach(() => forgetTimelyRates());

  it('when the consumer already has an open complaint against the chosen merchant, then it is shown and 补充材料 opens it with the supplement panel', async () => {
    loggedIn();
    const fake = api([OPEN]);
    render(<FileComplaintWizard />);
    await pickMerchant();
    const warning = await screen.findByTestId('duplicate-warning');
    expect(fake.calls('GET', '/cases')[0].path).toContain(`merchantId=${MERCHANT.id}`);
    expect(fake.calls('GET', '/cases')[0].path).toContain('open=true');
    expect(warning).toHaveTextContent('XM202611200001');
    expect(warning).toHaveTextContent('这次是同一件纠纷吗');
    // the question must be answered before going on
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByText(/第 1\/8 步/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('是同一件，去补充材料'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/consumer/case/index?id=c-open&panel=supplement' });
  });

  it('when the consumer says it is another dispute, then the warning goes and the wizard continues', async () => {
    loggedIn();
    api([OPEN]);
    render(<FileComplaintWizard />);
    await pickMerchant();
    await screen.findByTestId('duplicate-warning');
    fireEvent.click(screen.getByText('不是，继续新投诉'));
    expect(screen.queryByTestId('duplicate-warning')).toBeNull();
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText(/第 2\/8 步/)).toBeInTheDocument();
  });

  it('when there is no open complaint against the merchant, then no warning shows', async () => {
    loggedIn();
    const fake = api([]);
    render(<FileComplaintWizard />);
    await pickMerchant();
    await waitFor(() => expect(fake.calls('GET', '/cases')).toHaveLength(1));
    expect(screen.queryByTestId('duplicate-warning')).toBeNull();
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByText(/第 2\/8 步/)).toBeInTheDocument();
  });
});
