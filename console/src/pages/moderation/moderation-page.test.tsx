import type { ModerationItem } from '@weiquan/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeAnswer, fakeBff, type FakeRoute } from '../../test/fake-bff';
import { signedInAs } from '../../test/factories';
import { renderConsole } from '../../test/render';
import ModerationPage from './moderation-page';

const CASE_ID = '00000000-0000-4000-8000-000000000042';
const items: ModerationItem[] = [
  {
    id: '11',
    caseId: CASE_ID,
    field: 'facts',
    text: '商家卖假货，老板是骗子',
    label: 20003,
    reason: 'review',
    at: '2026-12-01T02:00:00.000Z',
  },
  {
    id: '12',
    caseId: CASE_ID,
    field: 'attachments',
    text: '',
    label: null,
    reason: 'media_unanswered',
    uploadId: 'u1',
    at: '2026-12-01T03:00:00.000Z',
  },
];

function setup(routes: Record<string, FakeRoute> = {}) {
  signedInAs('handler');
  const { sent } = fakeBff({ 'GET /staff/moderation': () => ({ items, nextCursor: null }), ...routes });
  renderConsole(<ModerationPage />);
  return sent;
}
const okOf = (container: HTMLElement, text: string) => within(container).getByText(text).closest('button')!;
const dialog = () => document.querySelector<HTMLElement>('.ant-modal')!;
const rowOf = async (text: string) => (await screen.findByText(text)).closest('tr')!;

describe('内容审核', () => {
  it('when items are listed, then each shows why in Chinese, its place and WeChat label, and links to its case', async () => {
    setup();
    const row = await rowOf('商家卖假货，老板是骗子');
    expect(within(row).getByText('微信提示需人工复核')).toBeInTheDocument();
    expect(within(row).getByText('事实经过')).toBeInTheDocument();
    expect(within(row).getByText('辱骂')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: '查看案件' })).toHaveAttribute('href', `/cases/${CASE_ID}`);
    const image = await rowOf('图片未得到检查结果');
    expect(within(image).getAllByText('图片附件').length).toBeGreaterThan(0);
  });

  it('when an item is redacted, then a reason is required, and it is sent and the row says so', async () => {
    const sent = setup({
      'POST /staff/moderation/11/redact': () => ({ id: '11', state: 'redacted' }),
    });
    const row = await rowOf('商家卖假货，老板是骗子');
    fireEvent.click(okOf(row, '屏蔽'));
    const form = await screen.findByTestId('redact-form');
    fireEvent.click(okOf(dialog(), '屏蔽'));
    expect(await within(form).findByText('此项必填')).toBeInTheDocument();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(within(form).getByLabelText('屏蔽理由'), { target: { value: '含辱骂内容' } });
    fireEvent.click(okOf(dialog(), '屏蔽'));
    await waitFor(() => expect(within(row).getByText('已屏蔽')).toBeInTheDocument());
    expect(sent.filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/staff/moderation/11/redact', query: {}, body: { reason: '含辱骂内容' } },
    ]);
  });

  it('when redacting fails, then the error shows in the dialog in Chinese and the reason stays', async () => {
    setup({
      'POST /staff/moderation/11/redact': () =>
        new FakeAnswer(404, {
          error: { code: 'NOT_FOUND', message: 'Moderation item not found or already decided' },
        }),
    });
    fireEvent.click(okOf(await rowOf('商家卖假货，老板是骗子'), '屏蔽'));
    const form = await screen.findByTestId('redact-form');
    fireEvent.change(within(form).getByLabelText('屏蔽理由'), { target: { value: '含辱骂内容' } });
    fireEvent.click(okOf(dialog(), '屏蔽'));
    expect(await within(form).findByText('没有找到该记录，可能已被删除或您无权查看')).toBeInTheDocument();
    expect(within(form).getByLabelText('屏蔽理由')).toHaveValue('含辱骂内容');
  });

  it('when an item is released, then the release is sent after a confirmation and the row says so', async () => {
    const sent = setup({
      'POST /staff/moderation/12/release': () => ({ id: '12', state: 'released' }),
    });
    const row = await rowOf('图片未得到检查结果');
    fireEvent.click(okOf(row, '放行'));
    await waitFor(() => expect(document.querySelector('.ant-popconfirm')).not.toBeNull());
    fireEvent.click(okOf(document.querySelector<HTMLElement>('.ant-popconfirm')!, '放行'));
    await waitFor(() => expect(within(row).getByText('已放行')).toBeInTheDocument());
    expect(sent.filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/staff/moderation/12/release', query: {}, body: undefined },
    ]);
  });
});
