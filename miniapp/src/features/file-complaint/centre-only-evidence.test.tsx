import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aCase, aMerchant, aMeta } from '../../../test/factories';
import { fakeApi, loggedIn, mountRequestsAnswered } from '../../../test/fake-api';
import * as taro from '../../../test/stubs/taro';
import { DRAFT_KEY, emptyForm, newDraft, type ComplaintForm, type Draft } from './draft';
import { FileComplaintWizard } from './wizard';

const MERCHANT = aMerchant();
const RECEIPT = '22222222-2222-4222-8222-222222222222';
const CHAT = '33333333-3333-4333-8333-333333333333';

function seedDraft(step: number): void {
  const form: ComplaintForm = {
    ...emptyForm(),
    merchant: { id: MERCHANT.id, name: MERCHANT.name, address: MERCHANT.address, badges: MERCHANT.badges },
    category: 'catering',
    facts: '点的龙虾缺斤短两，称重时少了半斤，商家拒绝退款。',
    demandType: 'refund',
    occurredOn: '2026-11-20',
    channel: 'offline',
    photos: [
      { path: 'blob:receipt', status: 'done', progress: 100, uploadId: RECEIPT },
      { path: 'blob:chat', status: 'done', progress: 100, uploadId: CHAT },
    ],
    name: '王小明',
    phone: '13800138000',
    address: '福建省厦门市思明区湖滨南路 1 号',
  };
  const d: Draft = { ...newDraft(), form, step };
  taro.setStorageSync(DRAFT_KEY, JSON.stringify(d));
}

describe('只给12315看: evidence for the centre only', () => {
  it('when the consumer marks one photo 只给12315看, then the review screen says so and the filing sends it as centreOnlyAttachments', async () => {
    loggedIn();
    const api = fakeApi({
      'GET /meta': { body: aMeta() },
      'GET /me': { body: { user: { id: 'u-consumer', role: 'consumer' }, profile: null } },
      'POST /cases': { status: 201, body: aCase() },
    });
    seedDraft(5);
    render(<FileComplaintWizard />);
    await mountRequestsAnswered();
    expect(screen.getByText(/商家看不到/)).toBeInTheDocument();
    const chat = screen.getByLabelText('只给12315看 · 证据 2');
    expect(chat).not.toBeChecked();
    expect(screen.getByLabelText('只给12315看 · 证据 1')).not.toBeChecked();
    fireEvent.click(chat);
    expect(chat).toBeChecked();
    const stored = JSON.parse(taro.getStorageSync(DRAFT_KEY) as string) as Draft;
    expect(stored.form.photos.map((p) => !!p.centreOnly)).toEqual([false, true]);

    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(await screen.findByText('下一步'));
    expect(await screen.findByTestId('review')).toHaveTextContent('2 张照片，其中 1 张只给12315看');
    fireEvent.click(screen.getByText('提交投诉'));
    await waitFor(() => expect(api.calls('POST', '/cases')).toHaveLength(1));
    expect(api.calls('POST', '/cases')[0].body).toMatchObject({
      attachments: [RECEIPT, CHAT],
      centreOnlyAttachments: [CHAT],
    });
  });

  it('when no photo is marked, then the filing carries no centreOnlyAttachments and the review counts photos only', async () => {
    loggedIn();
    const api = fakeApi({
      'GET /meta': { body: aMeta() },
      'GET /me': { body: { user: { id: 'u-consumer', role: 'consumer' }, profile: null } },
      'POST /cases': { status: 201, body: aCase() },
    });
    seedDraft(7);
    render(<FileComplaintWizard />);
    expect(screen.getByTestId('review')).toHaveTextContent('2 张照片');
    expect(screen.getByTestId('review')).not.toHaveTextContent('只给12315看');
    fireEvent.click(screen.getByText('提交投诉'));
    await waitFor(() => expect(api.calls('POST', '/cases')).toHaveLength(1));
    expect(api.calls('POST', '/cases')[0].body).not.toHaveProperty('centreOnlyAttachments');
  });
});
