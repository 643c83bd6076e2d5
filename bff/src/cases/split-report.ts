/**
 * Splitting the report part off a mixed complaint: a linked report for the same consumer, merchant
 * and category, the complainant as its real-name reporter, verified on its own 15-working-day clock.
 * Written in the transaction of the complaint's `split_report` action.
 */
import { randomUUID } from 'node:crypto';
import { isGreenChannel, routeFiling, type CategoryCode } from '@weiquan/shared';
import type { Queryable } from '../store/db';
import { casePrefixOn, type CaseContext } from './case-context';
import { fileCases } from './case-repository';
import type { CaseRow } from './case-rows';
import { planCase } from './new-case';

export async function splitReport(
  ctx: CaseContext,
  q: Queryable,
  complaint: CaseRow,
  staffId: string,
  facts: string | undefined,
  at: Date,
): Promise<{ id: string; caseNo: string }> {
  const route = routeFiling('report', false);
  const { insert } = planCase({
    id: randomUUID(),
    casePrefix: casePrefixOn(ctx, at),
    calendar: ctx.calendar(),
    kind: 'report',
    status: route.to,
    consumerId: complaint.consumer_id,
    channel: complaint.channel,
    filedByStaffId: null,
    // A caller's claim code claims the complaint it was read out for, not the report split off it.
    claimCodeHash: null,
    contactPhoneHash: complaint.contact_phone_hash,
    merchant:
      complaint.merchant_name !== null || complaint.merchant_id !== null
        ? {
            id: complaint.merchant_id,
            name: complaint.merchant_name ?? '',
            address: complaint.merchant_address ?? '',
            odr: false,
          }
        : null,
    category: complaint.category,
    priority: isGreenChannel(complaint.category as CategoryCode),
    body: { facts: facts ?? (complaint.body.facts as string) },
    contactEnc: complaint.contact_enc,
    shareContact: false,
    flags: { splitFromId: complaint.id },
    firstClock: route.start,
    actor: { role: 'staff', id: staffId },
    eventData: {
      text: `由投诉 ${complaint.case_no} 拆分`,
      linkedCaseId: complaint.id,
      linkedCaseNo: complaint.case_no,
      realName: complaint.contact_enc !== null,
    },
    at,
  });
  // The merchant is the complaint's as filed, whatever the directory says now: nothing to check.
  const [filed] = await fileCases(
    q,
    [{ ...insert, merchant_odr: null, key: null, request_hash: null, answer_enc: null }],
    false,
  );
  return { id: insert.id, caseNo: filed.case_no! };
}
