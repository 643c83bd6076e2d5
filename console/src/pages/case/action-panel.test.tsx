import type { CaseAction, CaseView } from '@weiquan/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/http';
import { caseViewOf } from '../../test/factories';
import { renderConsole } from '../../test/render';
import { ActionPanel } from './action-panel';

function setup(
  c: CaseView,
  act = vi.fn(async (_a: CaseAction) => ({ ...c, version: c.version + 1 })),
  reload = vi.fn(async () => c),
) {
  const onChanged = vi.fn();
  const loadTemplates = vi.fn(async () => [{ id: 't1', title: '调解成功', text: '经调解，双方达成一致。' }]);
  renderConsole(
    <ActionPanel
      caseView={c}
      act={act}
      reload={reload}
      onChanged={onChanged}
      loadTemplates={loadTemplates}
      staff={[]}
    />,
  );
  return { act, reload, onChanged, loadTemplates };
}

/** Typing, as the change event a finished input leaves (user-event's per-key typing is slow under antd in jsdom). */
function typeInto(el: HTMLElement, value: string) {
  fireEvent.change(el, { target: { value } });
}

function openAction(type: string) {
  const button = document.querySelector<HTMLButtonElement>(`button[data-action="${type}"]`);
  if (!button) throw new Error(`no ${type} button`);
  fireEvent.click(button);
}
function submit(form: HTMLElement) {
  fireEvent.click(form.querySelector('button[type="submit"]')!);
}

/** antd Select: open it and pick the option whose text matches. */
async function pick(label: string | RegExp, option: string | RegExp) {
  const box = screen.getByLabelText(label);
  fireEvent.mouseDown(box);
  const opt = await screen.findAllByText(option, {
    selector: '.ant-select-item-option-content *, .ant-select-item-option-content',
  });
  fireEvent.click(opt[0]);
}

describe('case action forms', () => {
  it('when the case allows three actions, then exactly those three buttons show', () => {
    setup(caseViewOf({ allowedActions: ['pause_clock', 'close', 'message'] }));
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-action]')];
    expect(buttons.map((b) => b.dataset.action)).toEqual(['pause_clock', 'close', 'message']);
  });

  it('when a handler closes as mediated with 399.5 yuan recovered, then the action sent carries 39950 fen and the expected version', async () => {
    const c = caseViewOf({ version: 7 });
    const { act } = setup(c);
    openAction('close');
    const form = screen.getByTestId('action-form-close');
    fireEvent.click(within(form).getByLabelText('调解成功'));
    typeInto(await within(form).findByLabelText(/挽回经济损失/), '399.5');
    typeInto(within(form).getByLabelText('说明'), '商家退款');
    submit(form);
    await waitFor(() => expect(act).toHaveBeenCalledTimes(1));
    expect(act.mock.calls[0][0]).toEqual({
      type: 'close',
      outcome: 'mediated',
      recoveredFen: 39950,
      text: '商家退款',
      expectedVersion: 7,
    });
  });

  it('when a handler terminates, then a termination ground is asked for with the article it cites, and none means nothing is sent', async () => {
    const { act } = setup(caseViewOf());
    openAction('close');
    const form = screen.getByTestId('action-form-close');
    fireEvent.click(within(form).getByLabelText('终止调解'));
    expect(within(form).queryByLabelText(/挽回经济损失/)).toBeNull();
    typeInto(within(form).getByLabelText('说明'), '无法达成协议');
    submit(form);
    expect(await within(form).findByText('此项必填')).toBeInTheDocument();
    expect(act).not.toHaveBeenCalled();

    await pick('依据', '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议');
    expect(within(form).getByTestId('ground-source')).toHaveTextContent('暂行办法第二十一条第（四）项');
    submit(form);
    await waitFor(() => expect(act).toHaveBeenCalledTimes(1));
    expect(act.mock.calls[0][0]).toMatchObject({
      type: 'close',
      outcome: 'terminated',
      ground: 'agreement_impossible',
      text: '无法达成协议',
    });
    expect(act.mock.calls[0][0]).not.toHaveProperty('recoveredFen');
  });

  it('when a refusal is sent, then its ground comes from the shared catalogue with its article', async () => {
    const { act } = setup(caseViewOf({ status: 'pending_acceptance', allowedActions: ['accept', 'refuse'] }));
    openAction('refuse');
    const form = screen.getByTestId('action-form-refuse');
    await pick('依据', '投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年');
    expect(within(form).getByTestId('ground-source')).toHaveTextContent('121号令第十六条');
    typeInto(within(form).getByLabelText('说明'), '超过三年');
    submit(form);
    await waitFor(() => expect(act).toHaveBeenCalled());
    expect(act.mock.calls[0][0]).toMatchObject({
      type: 'refuse',
      ground: 'over_three_years',
      text: '超过三年',
    });
  });

  it('when pausing the clock, then a reason is required', async () => {
    const { act } = setup(caseViewOf());
    openAction('pause_clock');
    const form = screen.getByTestId('action-form-pause_clock');
    submit(form);
    expect(await within(form).findByText('此项必填')).toBeInTheDocument();
    expect(act).not.toHaveBeenCalled();
    typeInto(within(form).getByLabelText(/暂停原因/), '送检鉴定');
    submit(form);
    await waitFor(() => expect(act).toHaveBeenCalled());
    expect(act.mock.calls[0][0]).toEqual({ type: 'pause_clock', reason: '送检鉴定', expectedVersion: 4 });
  });

  it('when a reply template is picked, then its text fills the form', async () => {
    const { loadTemplates } = setup(caseViewOf());
    openAction('message');
    await waitFor(() => expect(loadTemplates).toHaveBeenCalledWith('message'));
    fireEvent.click(screen.getByText('插入回复模板'));
    fireEvent.click(await screen.findByText('调解成功'));
    expect(within(screen.getByTestId('action-form-message')).getByLabelText('说明')).toHaveValue(
      '经调解，双方达成一致。',
    );
  });

  it('when the API refuses the action, then the error shows in plain Chinese beside the form and the text stays', async () => {
    const act = vi.fn(async () => {
      throw new ApiError(409, 'ACTION_NOT_ALLOWED', 'not allowed');
    });
    setup(caseViewOf(), act);
    openAction('message');
    const form = screen.getByTestId('action-form-message');
    typeInto(within(form).getByLabelText('说明'), '请补充购物凭证');
    submit(form);
    expect(await within(form).findByText('案件当前状态下不能进行此项操作')).toBeInTheDocument();
    expect(within(form).getByLabelText('说明')).toHaveValue('请补充购物凭证');
  });

  it('when another handler changed the case first (409 VERSION_CONFLICT), then the case reloads, the change is named and the draft stays', async () => {
    const before = caseViewOf({ status: 'accepted', allowedActions: ['start_mediation', 'message'] });
    const after = {
      ...before,
      status: 'mediating' as const,
      version: before.version + 1,
      timeline: [
        ...before.timeline,
        { type: 'start_mediation', actorRole: 'staff' as const, at: before.updatedAt },
      ],
      allowedActions: ['pause_clock', 'close', 'message'] as CaseView['allowedActions'],
    };
    const act = vi.fn(async () => {
      throw new ApiError(409, 'VERSION_CONFLICT', 'version conflict');
    });
    const reload = vi.fn(async () => after);
    const { onChanged } = setup(before, act, reload);
    openAction('message');
    const form = screen.getByTestId('action-form-message');
    typeInto(within(form).getByLabelText('说明'), '您好，已联系商家');
    submit(form);
    await waitFor(() => expect(reload).toHaveBeenCalled());
    expect(onChanged).toHaveBeenCalledWith(after);
    expect(await screen.findByText(/状态由“已受理”变为“调解中”/)).toBeInTheDocument();
    expect(screen.getByText(/新增 1 条处理记录/)).toBeInTheDocument();
    expect(within(screen.getByTestId('action-form-message')).getByLabelText('说明')).toHaveValue(
      '您好，已联系商家',
    );
  });

  it('when Alt+2 is pressed, then the second action opens', async () => {
    setup(caseViewOf({ allowedActions: ['pause_clock', 'close', 'message'] }));
    fireEvent.keyDown(window, { key: '2', altKey: true });
    expect(await screen.findByTestId('action-form-close')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('action-form-close')).toBeNull());
  });
});
