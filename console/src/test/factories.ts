import type { CaseListItem, CaseView, StaffRole } from '@weiquan/shared';
import { setSession } from '../session/session-store';

let n = 0;
const seq = () => String(++n).padStart(6, '0');

/** A staff view of a complaint, as GET /cases/:id answers it; override what the test is about. */
export function caseViewOf(overrides: Partial<CaseView> = {}): CaseView {
  const no = seq();
  return {
    id: `00000000-0000-4000-8000-${no.padStart(12, '0')}`,
    caseNo: `XM20261201${no}`,
    kind: 'complaint',
    status: 'mediating',
    version: 4,
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T03:00:00.000Z',
    priority: false,
    merchant: { name: '厦门某某电器城', address: '福建省厦门市湖里区县后街 8 号' },
    category: 'household_appliances',
    facts: '电饭煲使用三天后无法加热，商家拒绝退货。',
    demand: { type: 'refund', amountFen: 39900 },
    purchase: { occurredOn: '2026-11-20', channel: 'offline', amountFen: 39900 },
    complainant: { name: '陈小姐', phone: '13800138000', address: '福建省厦门市思明区湖滨南路 1 号' },
    attachments: [],
    timeline: [{ type: 'filed', actorRole: 'consumer', at: '2026-12-01T02:00:00.000Z' }],
    deadlines: [{ kind: 'mediation', dueAt: '2027-02-03T23:59:59+08:00', workingDaysLeft: 45 }],
    allowedActions: ['pause_clock', 'close', 'message'],
    assignee: null,
    ...overrides,
  };
}

export function listItemOf(overrides: Partial<CaseListItem> = {}): CaseListItem {
  const no = seq();
  return {
    id: `00000000-0000-4000-9000-${no.padStart(12, '0')}`,
    caseNo: `XM20261201${no}`,
    kind: 'complaint',
    status: 'pending_acceptance',
    category: 'household_appliances',
    priority: false,
    merchant: { name: '厦门某某电器城' },
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    nextDueAt: '2026-12-10T23:59:59+08:00',
    channel: 'miniprogram',
    assignee: null,
    nextDeadline: { kind: 'acceptance', dueAt: '2026-12-10T23:59:59+08:00', workingDaysLeft: 7 },
    ...overrides,
  };
}

/** A logged-in staff member of that role (the console reads the role from the session). */
export function signedInAs(staffRole: StaffRole): void {
  setSession({
    accessToken: 'access',
    refreshToken: 'refresh',
    expiresIn: 900,
    user: { id: `staff-${staffRole}`, role: 'staff', username: staffRole, displayName: staffRole, staffRole },
  });
}
