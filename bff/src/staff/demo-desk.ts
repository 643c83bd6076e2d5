/**
 * The demo desk (development only, with the demo merchants): a handler and a supervisor, and a few
 * cases in every staff queue (unassigned, mine, overdue, due today, due soon, green channel, 督办,
 * awaiting a follow-up visit), filed through the case use cases as the hotline would file them, some
 * "received" days ago, so that `npm start` shows a working desk at once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  beijingDate,
  type CaseView,
  type ComplaintFiling,
  type StaffChannel,
  type WorkingCalendar,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import type { Services } from '../services';

export interface DemoDesk {
  staff: { username: string; password: string; displayName: string; staffRole: string }[];
  /** a case filed for a caller, to try the mini-program's 查询电话登记的投诉 with */
  claimable: { caseNo: string; claimCode: string } | null;
}

const CALLERS = [
  { name: '陈建国', phone: '13906001111', address: '福建省厦门市思明区厦禾路200号' },
  { name: '林小红', phone: '13906002222', address: '福建省厦门市湖里区金尚路88号' },
  { name: '黄志明', phone: '13906003333', address: '福建省厦门市集美区银江路6号' },
];

function complaint(
  channel: StaffChannel,
  caller: (typeof CALLERS)[number],
  over: Partial<ComplaintFiling>,
  on: Date,
): ComplaintFiling & { channel: StaffChannel } {
  return {
    kind: 'complaint',
    merchant: { name: '鹭岛某数码店', address: '福建省厦门市思明区中山路66号' },
    category: 'household_appliances',
    facts: '来电反映：购买的扫地机器人三天后无法充电，商家拒绝退换。',
    demand: { type: 'exchange' },
    purchase: { occurredOn: beijingDate(new Date(on.getTime() - 7 * 86_400_000)), channel: 'offline' },
    complainant: caller,
    attachments: [],
    shareContactWithMerchant: false,
    channel,
    ...over,
  };
}

/** 10:00 Beijing time, this many working days before today. */
const workingDaysAgo = (calendar: WorkingCalendar, now: Date, n: number) =>
  new Date(`${calendar.addWorkingDays(beijingDate(now), -n).date}T10:00:00+08:00`);

export async function seedDemoDesk(services: Services, merchantId: string | undefined): Promise<DemoDesk> {
  const password = () => randomBytes(12).toString('base64url');
  const wanted = [
    {
      username: 'demo-handler',
      displayName: '王承办（演示）',
      staffRole: 'handler' as const,
      password: password(),
    },
    {
      username: 'demo-supervisor',
      displayName: '赵科长（演示）',
      staffRole: 'supervisor' as const,
      password: password(),
    },
  ];
  const [handler, supervisor] = await Promise.all(wanted.map((a) => services.staff.accounts.create(a)));
  const as = (a: typeof handler): Caller => ({
    role: 'staff',
    id: a.id,
    staffRole: a.staffRole,
    displayName: a.displayName,
  });
  const now = services.now();
  const file = async (at: Date, body: ReturnType<typeof complaint>): Promise<CaseView> =>
    (await services.store.casesAsOf(() => at).file(as(handler), randomUUID(), body)).view;
  const act = (c: CaseView, who: Caller, action: Parameters<Services['store']['cases']['act']>[2]) =>
    services.store.cases.act(who, c.id, action);

  // overdue, due today, due soon: acceptance (7 working days) counted from receipt
  const overdue = await file(
    workingDaysAgo(services.calendarBook.current(), now, 9),
    complaint('phone', CALLERS[0], {}, now),
  );
  await file(
    workingDaysAgo(services.calendarBook.current(), now, 7),
    complaint(
      'letter',
      CALLERS[1],
      { facts: '来信反映：健身房突然闭店，预付的年卡余额无法退还。', category: 'prepaid_cards' },
      now,
    ),
  );
  await file(
    workingDaysAgo(services.calendarBook.current(), now, 6),
    complaint('email', CALLERS[2], {}, now),
  );
  // green channel, unassigned
  const green = await file(
    now,
    complaint(
      'phone',
      CALLERS[1],
      { category: 'food_safety', facts: '来电反映：外卖餐食中吃出异物，商家不予理睬。' },
      now,
    ),
  );
  // mine (the handler's), and 督办 by the supervisor
  const mine = await file(
    now,
    complaint('walk_in', CALLERS[2], merchantId ? { merchant: { id: merchantId } } : {}, now),
  );
  await act(mine, as(handler), { type: 'claim' });
  await act(overdue, as(supervisor), { type: 'assign', staffId: handler.id });
  await act(overdue, as(supervisor), { type: 'supervise', text: '已超期，请今日内受理或说明情况。' });
  // ended and awaiting its follow-up visit
  const ended = await file(
    now,
    complaint('phone', CALLERS[0], { facts: '来电反映：空调安装后漏水，商家同意上门维修。' }, now),
  );
  await act(ended, as(handler), { type: 'accept' });
  await act(ended, as(handler), {
    type: 'close',
    outcome: 'mediated',
    recoveredFen: 30000,
    text: '经调解，商家免费维修并赔偿300元。',
  });

  return {
    staff: wanted,
    claimable: green.claimCode ? { caseNo: green.caseNo, claimCode: green.claimCode } : null,
  };
}
