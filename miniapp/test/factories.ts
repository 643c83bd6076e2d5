import type { CaseView, Merchant } from '@weiquan/shared';

let seq = 0;
export function aCase(overrides: Partial<CaseView> = {}): CaseView {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    caseNo: `XM2026112400${String(seq).padStart(4, '0')}`,
    kind: 'complaint',
    status: 'merchant_negotiating',
    version: 1,
    createdAt: '2026-11-24T10:00:00+08:00',
    updatedAt: '2026-11-24T10:00:00+08:00',
    priority: false,
    merchant: { id: 'm-1', name: '鼓浪屿海鲜大排档', address: '福建省厦门市思明区龙头路 1 号' },
    category: 'catering',
    facts: '点的龙虾缺斤短两，商家拒绝退款。',
    demand: { type: 'refund', amountFen: 19900 },
    purchase: { amountFen: 39900, occurredOn: '2026-11-20', channel: 'offline' },
    complainant: { name: '王小明', phone: '13800138000', address: '福建省厦门市思明区湖滨南路 1 号' },
    shareContactWithMerchant: true,
    attachments: [],
    timeline: [{ type: 'filed', actorRole: 'consumer', at: '2026-11-24T10:00:00+08:00' }],
    deadlines: [{ kind: 'merchant_response', dueAt: '2026-12-08T23:59:59+08:00', workingDaysLeft: 10 }],
    allowedActions: ['withdraw', 'supplement'],
    ...overrides,
  };
}

/** The directory merchant the filing tests search for and pick. */
export function aMerchant(overrides: Partial<Merchant> = {}): Merchant {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    name: '鼓浪屿海鲜大排档',
    address: '厦门市思明区龙头路 1 号',
    district: '思明区',
    badges: { odr: true, noReasonReturn: false, rightsStation: false },
    ...overrides,
  };
}

/** GET /meta as the emulator answers it, with two subscribe-message templates. */
export function aMeta() {
  return {
    mode: 'emulator',
    templates: { caseUpdate: 'tpl-update', deadline: 'tpl-deadline' },
    version: 'test',
    categories: [],
  };
}
