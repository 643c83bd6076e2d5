/**
 * What each staff action's form asks for, as data: the fields the contract requires and how the
 * typed values become the action body. Grounds come from the shared catalogue, with the article each
 * one cites; money is typed in yuan and sent in fen.
 */
import {
  REFUSAL_GROUNDS,
  REPORT_NOT_OPEN_GROUNDS,
  TERMINATION_GROUNDS,
  type ActionType,
  type CaseAction,
  type Ground,
  type RefusalGroundCode,
  type ReportNotOpenGroundCode,
  type TerminationGroundCode,
  type VisitResult,
} from '@weiquan/shared';
import { zh } from '../../i18n/zh-Hans';
import { yuanToFen } from '../../lib/money';

export type FieldKind = 'textarea' | 'ground' | 'yuan' | 'outcome' | 'checkbox' | 'staff' | 'visitResult';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  label: string;
  required?: boolean;
  max?: number;
  grounds?: readonly Ground[];
  /** shown only when this returns true for the form's current values */
  when?: (values: FormValues) => boolean;
}

export type FormValues = Record<string, unknown>;

export interface ActionSpec {
  fields: FieldSpec[];
  build(values: FormValues): CaseAction;
  /** the field a reply template fills */
  templateField?: string;
  danger?: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const optStr = (v: unknown): string | undefined => str(v) || undefined;

const textField = (name: string, label: string, required: boolean, max = 1000): FieldSpec => ({
  name,
  kind: 'textarea',
  label,
  required,
  max,
});

export const ACTION_SPECS: Partial<Record<ActionType, ActionSpec>> = {
  accept: {
    fields: [textField('text', zh.form.text, false)],
    build: (v) => ({ type: 'accept', text: optStr(v.text) }),
    templateField: 'text',
  },
  refuse: {
    fields: [
      { name: 'ground', kind: 'ground', label: zh.form.ground, required: true, grounds: REFUSAL_GROUNDS },
      textField('text', zh.form.text, true),
    ],
    build: (v) => ({ type: 'refuse', ground: v.ground as RefusalGroundCode, text: str(v.text) }),
    templateField: 'text',
    danger: true,
  },
  start_mediation: {
    fields: [textField('text', zh.form.text, false)],
    build: (v) => ({ type: 'start_mediation', text: optStr(v.text) }),
    templateField: 'text',
  },
  pause_clock: {
    fields: [textField('reason', zh.form.pauseReason, true)],
    build: (v) => ({ type: 'pause_clock', reason: str(v.reason) }),
    templateField: 'reason',
  },
  resume_clock: { fields: [], build: () => ({ type: 'resume_clock' }) },
  close: {
    fields: [
      { name: 'outcome', kind: 'outcome', label: zh.form.outcome, required: true },
      {
        name: 'ground',
        kind: 'ground',
        label: zh.form.ground,
        required: true,
        grounds: TERMINATION_GROUNDS,
        when: (v) => v.outcome === 'terminated',
      },
      {
        name: 'recoveredYuan',
        kind: 'yuan',
        label: zh.form.recoveredYuan,
        when: (v) => v.outcome === 'mediated',
      },
      textField('text', zh.form.text, true),
    ],
    build: (v) =>
      v.outcome === 'terminated'
        ? {
            type: 'close',
            outcome: 'terminated',
            ground: v.ground as TerminationGroundCode,
            text: str(v.text),
          }
        : {
            type: 'close',
            outcome: 'mediated',
            recoveredFen: typeof v.recoveredYuan === 'number' ? yuanToFen(v.recoveredYuan) : undefined,
            text: str(v.text),
          },
    templateField: 'text',
  },
  message: {
    fields: [textField('text', zh.form.text, true, 2000)],
    build: (v) => ({ type: 'message', text: str(v.text) }),
    templateField: 'text',
  },
  extend: {
    fields: [textField('reason', zh.form.reason, true)],
    build: (v) => ({ type: 'extend', reason: str(v.reason) }),
    templateField: 'reason',
  },
  open_case: {
    fields: [textField('text', zh.form.text, true)],
    build: (v) => ({ type: 'open_case', text: str(v.text) }),
    templateField: 'text',
  },
  not_open: {
    fields: [
      {
        name: 'ground',
        kind: 'ground',
        label: zh.form.ground,
        required: true,
        grounds: REPORT_NOT_OPEN_GROUNDS,
      },
      textField('text', zh.form.text, true),
    ],
    build: (v) => ({ type: 'not_open', ground: v.ground as ReportNotOpenGroundCode, text: str(v.text) }),
    templateField: 'text',
    danger: true,
  },
  answer: {
    fields: [
      textField('text', zh.form.text, true, 4000),
      { name: 'publishAsFaq', kind: 'checkbox', label: zh.form.publishAsFaq },
    ],
    build: (v) => ({ type: 'answer', text: str(v.text), publishAsFaq: v.publishAsFaq === true || undefined }),
    templateField: 'text',
  },
  claim: { fields: [], build: () => ({ type: 'claim' }) },
  assign: {
    fields: [{ name: 'staffId', kind: 'staff', label: zh.form.staff, required: true }],
    build: (v) => ({ type: 'assign', staffId: str(v.staffId) }),
  },
  unassign: { fields: [], build: () => ({ type: 'unassign' }) },
  note: {
    fields: [textField('text', zh.actions.note, true, 2000)],
    build: (v) => ({ type: 'note', text: str(v.text) }),
    templateField: 'text',
  },
  supervise: {
    fields: [textField('text', zh.form.text, true)],
    build: (v) => ({ type: 'supervise', text: str(v.text) }),
    templateField: 'text',
  },
  record_visit: {
    fields: [
      { name: 'result', kind: 'visitResult', label: zh.form.visitResult, required: true },
      textField('text', zh.form.text, false),
    ],
    build: (v) => ({ type: 'record_visit', result: v.result as VisitResult, text: optStr(v.text) }),
    templateField: 'text',
  },
  split_report: {
    fields: [textField('facts', zh.form.facts, false, 2000), textField('text', zh.form.text, false)],
    build: (v) => ({ type: 'split_report', facts: optStr(v.facts), text: optStr(v.text) }),
  },
};

/** The actions staff take in the console, in the order their buttons appear. */
export const ACTION_ORDER: readonly ActionType[] = [
  'claim',
  'accept',
  'start_mediation',
  'answer',
  'open_case',
  'pause_clock',
  'resume_clock',
  'close',
  'message',
  'note',
  'extend',
  'record_visit',
  'assign',
  'unassign',
  'supervise',
  'split_report',
  'refuse',
  'not_open',
];

export function orderActions(allowed: readonly ActionType[]): ActionType[] {
  const known = ACTION_ORDER.filter((a) => allowed.includes(a));
  return [...known, ...allowed.filter((a) => !ACTION_ORDER.includes(a))];
}
