import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aMerchant, aMeta } from '../../../test/factories';
import { fakeApi, loggedIn } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { DRAFT_KEY, emptyForm, newDraft, type ComplaintForm } from './draft';
import { FileComplaintWizard } from './wizard';

const MERCHANT = aMerchant();
const REJECTED = {
  status: 422,
  body: {
    error: {
      code: 'CONTENT_REJECTED',
      message: 'This text cannot be published; please rewrite it without the flagged content',
      details: [{ path: 'facts', label: 20006 }],
    },
  },
};

describe('text that WeChat content security rejects', () => {
  afterEach(() => taro.__taro.reset());

  it('when the facts are rejected, then the wizard opens their step and says so in plain words beside the field', async () => {
    loggedIn();
    const api = fakeApi({
      'GET /meta': { body: aMeta() },
      'GET /me': { body: { user: { id: 'u-consumer', role: 'consumer' }, profile: null } },
      'POST /cases': REJECTED,
    });
    const form: ComplaintForm = {
      ...emptyForm(),
      merchant: { id: MERCHANT.id, name: MERCHANT.name, address: MERCHANT.address, badges: MERCHANT.badges },
      category: 'catering',
      facts: '点的龙虾缺斤短两，称重时少了半斤，商家拒绝退款。',
      demandType: 'refund',
      occurredOn: '2026-11-20',
      channel: 'offline',
      name: '王小明',
      phone: '13800138000',
      address: '福建省厦门市思明区湖滨南路 1 号',
    };
    taro.setStorageSync(DRAFT_KEY, JSON.stringify({ ...newDraft(), form, step: 7 }));
    render(<FileComplaintWizard />);
    fireEvent.click(screen.getByText('提交投诉'));
    await waitFor(() => expect(api.calls('POST', '/cases')).toHaveLength(1));
    const facts = await screen.findByLabelText('发生了什么');
    const message = document.getElementById('facts-error');
    expect(message).toHaveTextContent('这段文字含有不宜公开的内容，请修改后再提交');
    expect(facts).toHaveAttribute('aria-describedby', 'facts-error');
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });
});
