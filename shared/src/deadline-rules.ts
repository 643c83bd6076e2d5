// The legal periods a case runs against, kept as data with their sources so that a change of the
// rules is one edit here (and a failing test). Article numbers are those of the 2022 text of
// 《市场监督管理投诉举报处理暂行办法》 unless marked; 《市场监督管理投诉举报处理办法》 (SAMR Order
// No. 121, in force 2026-04-15) replaces it and keeps these periods.
import { beijingDate, endOfBeijingDay, type IsoDate, type WorkingCalendar } from './calendar';

export const DEADLINE_KINDS = [
  'merchant_response',
  'acceptance',
  'mediation',
  'report_verification',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DeadlineRule {
  workingDays: number;
  source: string;
  labelZh: string;
}

// Frozen, rules and all: a caller that "adjusts" a period in place would change it for every case.
const deepFreeze = <T extends Record<string, object>>(rules: T): Readonly<T> => {
  for (const rule of Object.values(rules)) Object.freeze(rule);
  return Object.freeze(rules);
};

export const DEADLINE_RULES: Readonly<Record<DeadlineKind, Readonly<DeadlineRule>>> = deepFreeze({
  merchant_response: {
    workingDays: 10,
    source:
      '全国12315平台在线消费纠纷解决（ODR）机制：ODR企业自收到投诉之日起10个工作日内与消费者协商和解；' +
      '协商时间不计入市场监管部门处理时限',
    labelZh: '商家协商和解',
  },
  acceptance: {
    workingDays: 7,
    source:
      '《市场监督管理投诉举报处理暂行办法》第十四条：自收到投诉之日起七个工作日内作出受理或者不予受理的决定',
    labelZh: '受理决定',
  },
  mediation: {
    workingDays: 45,
    source:
      '《市场监督管理投诉举报处理暂行办法》第二十一条第（五）项：自投诉受理之日起四十五个工作日内未能达成调解协议的，' +
      '终止调解；第二十条：检定、检验、检测、鉴定时间不计算在内',
    labelZh: '调解期限',
  },
  report_verification: {
    workingDays: 15,
    source:
      '《市场监督管理行政处罚程序规定》第十八条：自收到举报材料之日起十五个工作日内予以核查，决定是否立案' +
      '（《投诉举报处理暂行办法》第三十一条：举报按行政处罚有关规定处理）',
    labelZh: '举报核查',
  },
});

/** 《市场监督管理行政处罚程序规定》第十八条：特殊情况下经负责人批准，核查期限可以延长十五个工作日（once）. */
export const REPORT_EXTENSION_WORKING_DAYS = 15;

/** Internal target, not a legal period: green-channel fields (tourism, food safety, special equipment) are accepted within 1 working day. */
export const PRIORITY_ACCEPTANCE_WORKING_DAYS = 1;

/** Internal product rule, not a legal period: remind an ODR merchant 2 working days before its 10-day negotiation ends. */
export const MERCHANT_REMINDER_WORKING_DAYS_BEFORE = 2;

/** Internal product rule, not a legal period: alert staff when an acceptance deadline has 1 working day left. */
export const ACCEPTANCE_ALERT_WORKING_DAYS_BEFORE = 1;

/** 《投诉举报处理暂行办法》第三十一条：实名举报的，自作出是否立案决定之日起五个工作日内告知举报人. */
export const REPORT_DECISION_NOTICE_WORKING_DAYS = 5;

/** 《投诉举报处理暂行办法》第二十一条第二款：自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人. */
export const TERMINATION_NOTICE_WORKING_DAYS = 7;

export interface Due {
  /** The period's last working day (Beijing calendar). */
  dueDate: IsoDate;
  /** The end of that day, 'YYYY-MM-DDT23:59:59+08:00'. */
  dueAt: string;
  /** True when the period reaches a year whose official holiday arrangement is not yet known. */
  provisional: boolean;
}

function dueFrom(calendar: WorkingCalendar, startDate: IsoDate, workingDays: number): Due {
  const { date, provisional } = calendar.addWorkingDays(startDate, workingDays);
  return { dueDate: date, dueAt: endOfBeijingDay(date), provisional };
}

/**
 * The due date of a period that opens at `start` (receipt, acceptance...). The opening day is not
 * counted, whatever the hour: something received at 23:59 Beijing time still starts counting tomorrow.
 */
export function computeDue(calendar: WorkingCalendar, start: Date, workingDays: number): Due {
  return dueFrom(calendar, beijingDate(start), workingDays);
}

/** A period extended from its current due date (a report's one 15-working-day extension). */
export function extendDue(calendar: WorkingCalendar, dueDate: IsoDate, workingDays: number): Due {
  return dueFrom(calendar, dueDate, workingDays);
}

/**
 * Working days after today (Beijing) up to and including the due day: a 7-day period opened today
 * shows 7, the due day shows 0, and after it minus the working days since. A weekend right after
 * the due day still shows 0 although the deadline has passed: use isOverdue for "overdue".
 */
export function workingDaysLeft(calendar: WorkingCalendar, dueDate: IsoDate, now: Date): number {
  return calendar.workingDaysBetween(beijingDate(now), dueDate);
}

/**
 * Whether the period has ended. dueAt is written to the second (23:59:59), but the period lasts to the
 * end of that day, so the last second counts in full: overdue from 00:00:00 Beijing time the next day.
 */
export function isOverdue(dueAt: string, now: Date): boolean {
  const due = Date.parse(dueAt);
  const at = now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(due) || Number.isNaN(at))
    throw new RangeError(`isOverdue needs a valid dueAt and Date, got ${dueAt}`);
  return Math.floor(at / 1000) * 1000 > due;
}
