import type { CalendarAnswer } from '@weiquan/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeAnswer, fakeBff, type FakeRoute, type SentRequest } from '../../test/fake-bff';
import { signedInAs } from '../../test/factories';
import { renderConsole } from '../../test/render';
import CalendarPage from './calendar-page';

// Only 2026 is stored; every 2027 date below is a made-up test arrangement, not a guess at the real one.
const STORED: CalendarAnswer = {
  years: [
    {
      year: 2026,
      source: 'chinese-days 1.5（国务院办公厅节假日安排通知）',
      days: { off: ['2026-01-01', '2026-01-02', '2026-01-03'], makeup: ['2026-01-04'] },
    },
  ],
  coveredThrough: 2026,
};
const FIXED_2027 = ['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03'];

function setup(routes: Record<string, FakeRoute> = {}, role: 'admin' | 'handler' = 'admin') {
  signedInAs(role);
  const { sent } = fakeBff({ 'GET /calendar': () => STORED, ...routes });
  renderConsole(<CalendarPage today={() => '2026-12-01'} />);
  return sent;
}
/** the day's name ends with its date and kind, after the visible day number and mark */
const named = (label: string) => new RegExp(`^\\d{1,2}( [休班])? ${label}$`);
const day = (date: string) => document.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)!;
// *ByRole computes the accessible name of all 365 day buttons: text lookups keep these tests fast.
const button = (text: string) => screen.getByText(text).closest('button')!;
const findButton = async (text: string) => (await screen.findByText(text)).closest('button')!;
const puts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'PUT');
const saveAnswer = (recomputed: number) => (url: URL, init?: RequestInit) => ({
  year: 2027,
  ...JSON.parse(String(init?.body)),
  recomputed,
  dryRun: url.searchParams.get('dryRun') === 'true' || undefined,
});

describe('工作日历', () => {
  it('when next year is missing, then coveredThrough and a warning show and 2027 opens with the statutory days off', async () => {
    setup();
    expect(await screen.findByTestId('covered-through')).toHaveTextContent('官方安排已录入至 2026 年');
    expect(screen.getByText(/2027 年的节假日安排尚未录入/)).toBeInTheDocument();
    await waitFor(() => expect(day('2027-01-01')).toHaveAccessibleName(named('2027-01-01 放假')));
    expect(day('2027-01-02')).toHaveAccessibleName(named('2027-01-02 周末'));
    expect(day('2027-01-04')).toHaveAccessibleName(named('2027-01-04 工作日'));
  });

  it('when days are ticked as off and as make-up, then the grid marks them 休 and 班 and a second tick unmarks', async () => {
    setup();
    await waitFor(() => expect(day('2027-01-25')).toBeTruthy());
    fireEvent.click(day('2027-01-25'));
    expect(day('2027-01-25')).toHaveAccessibleName(named('2027-01-25 放假'));
    expect(day('2027-01-25')).toHaveTextContent('休');
    fireEvent.click(screen.getByText('班（调休上班）'));
    fireEvent.click(day('2027-01-23'));
    expect(day('2027-01-23')).toHaveAccessibleName(named('2027-01-23 调休上班'));
    expect(day('2027-01-23')).toHaveTextContent('班');
    fireEvent.click(day('2027-01-23'));
    expect(day('2027-01-23')).toHaveAccessibleName(named('2027-01-23 周末'));
  });

  it('when dates are pasted, then the good ones are marked and the bad ones stay in the box, named', async () => {
    setup();
    const box = await screen.findByLabelText('粘贴日期');
    fireEvent.change(box, { target: { value: '2027/01/26\n2027-01-27，2027-02-30\n春节' } });
    fireEvent.click(screen.getByText('加入放假日（休）'));
    expect(day('2027-01-26')).toHaveAccessibleName(named('2027-01-26 放假'));
    expect(day('2027-01-27')).toHaveAccessibleName(named('2027-01-27 放假'));
    expect(screen.getByText(/已加入 2 个日期.*2027-02-30、春节/)).toBeInTheDocument();
    expect(box).toHaveValue('2027-02-30\n春节');
    fireEvent.change(box, { target: { value: '2027-01-09, 2027-01-23' } });
    fireEvent.click(screen.getByText('加入调休上班日（班）'));
    expect(day('2027-01-09')).toHaveAccessibleName(named('2027-01-09 调休上班'));
  });

  it('when the admin previews and then saves, then both PUT the arrangement (dryRun=true, then false) and the counts show', async () => {
    const sent = setup({
      'PUT /staff/calendar/2027': saveAnswer(3),
    });
    const save = await findButton('保存并重新计算期限');
    expect(save).toBeDisabled();
    fireEvent.change(screen.getByLabelText('通知来源（标题或文号）'), {
      target: { value: '测试用假想安排（非官方）' },
    });
    fireEvent.click(day('2027-01-25'));
    fireEvent.click(button('预览影响'));
    expect(await screen.findByText('保存后将有 3 个办理期限重新计算（尚未保存）')).toBeInTheDocument();
    const body = {
      source: '测试用假想安排（非官方）',
      off: [...FIXED_2027.slice(0, 1), '2027-01-25', ...FIXED_2027.slice(1)],
      makeup: [],
    };
    expect(puts(sent)).toEqual([
      { method: 'PUT', path: '/staff/calendar/2027', query: { dryRun: 'true' }, body },
    ]);
    fireEvent.click(save);
    expect(
      await screen.findByText('已保存，3 个办理期限已重新计算', { selector: '.ant-alert-message' }),
    ).toBeInTheDocument();
    expect(puts(sent)[1]).toEqual({
      method: 'PUT',
      path: '/staff/calendar/2027',
      query: { dryRun: 'false' },
      body,
    });
    expect(sent.filter((r) => r.path === '/calendar')).toHaveLength(2);
  });

  it('when the draft changes after a preview, then saving waits for a new preview', async () => {
    setup({ 'PUT /staff/calendar/2027': saveAnswer(0) });
    fireEvent.change(await screen.findByLabelText('通知来源（标题或文号）'), { target: { value: '通知' } });
    fireEvent.click(button('预览影响'));
    await screen.findByText(/保存后将有 0 个/);
    expect(button('保存并重新计算期限')).toBeEnabled();
    fireEvent.click(day('2027-02-10'));
    expect(button('保存并重新计算期限')).toBeDisabled();
    expect(screen.getByText('内容已修改，请重新预览')).toBeInTheDocument();
  });

  it('when the BFF refuses the year (400), then each bad date is named in Chinese beside the form, outlined in the grid, and nothing typed is lost', async () => {
    setup({
      'PUT /staff/calendar/2027': () =>
        new FakeAnswer(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Invalid request',
            details: [
              { path: 'makeup.0', message: '2027-01-25 is a make-up day but not a Saturday or Sunday' },
              { path: 'off', message: '2027-10-02 (国庆节) is a statutory holiday and must be off' },
            ],
          },
        }),
    });
    fireEvent.change(await screen.findByLabelText('通知来源（标题或文号）'), {
      target: { value: '国办发明电（测试）' },
    });
    fireEvent.click(screen.getByText('班（调休上班）'));
    fireEvent.click(day('2027-01-25'));
    fireEvent.click(screen.getByText('休（放假）'));
    fireEvent.click(day('2027-10-02'));
    fireEvent.change(screen.getByLabelText('粘贴日期'), { target: { value: '2027-02-11' } });
    fireEvent.click(button('预览影响'));
    const problems = await screen.findByTestId('calendar-problems');
    const form = screen.getByTestId('calendar-form');
    expect(form).toContainElement(problems);
    expect(
      within(problems).getByText('2027-01-25 不是周六或周日，不能设为调休上班日（班）'),
    ).toBeInTheDocument();
    expect(within(problems).getByText('2027-10-02（国庆节）是法定节假日，必须放假')).toBeInTheDocument();
    expect(day('2027-01-25')).toHaveClass('cal-bad');
    expect(day('2027-10-02')).toHaveClass('cal-bad');
    expect(screen.getByLabelText('通知来源（标题或文号）')).toHaveValue('国办发明电（测试）');
    expect(screen.getByLabelText('粘贴日期')).toHaveValue('2027-02-11');
    expect(day('2027-01-25')).toHaveAccessibleName(named('2027-01-25 调休上班'));
    expect(button('保存并重新计算期限')).toBeDisabled();
  });

  it('when a handler opens the calendar, then the days are shown but cannot be ticked and there is no form', async () => {
    const sent = setup({}, 'handler');
    expect(await screen.findByText('只有管理员可以修改工作日历，您可以查看。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('calendar-grid')).toHaveTextContent('休'));
    expect(document.querySelector('button[data-date]')).toBeNull();
    expect(screen.queryByTestId('calendar-form')).toBeNull();
    expect(puts(sent)).toEqual([]);
  });
});
