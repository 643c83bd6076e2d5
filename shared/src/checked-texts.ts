/**
 * Which texts another party will read, so WeChat's content security checks them before they are
 * stored (contract: "Content security"): per filing kind and per case action, the body fields.
 * Only consumer- and merchant-written text is checked; staff and system text is not.
 */
import type { CaseKind } from './status-machine';

export const CHECKED_FILING_FIELDS: Record<CaseKind, readonly string[]> = {
  complaint: ['facts'],
  report: ['facts'],
  consultation: ['question'],
};

export const CHECKED_ACTION_FIELDS: Partial<Record<string, readonly string[]>> = {
  supplement: ['text'],
  propose: ['text'],
  message: ['text'],
  follow_up: ['text'],
  reject_proposal: ['reason'],
  rate: ['comment'],
};

/** What redacted text reads as for everyone but staff. */
export const REDACTED_TEXT = '该内容已被屏蔽';

/** The fields of `body` named in `fields` that hold text, as {path, text}. */
export function checkedTexts(body: object, fields: readonly string[] | undefined) {
  const b = body as Record<string, unknown>;
  return (fields ?? []).flatMap((path) =>
    typeof b[path] === 'string' && b[path] ? [{ path, text: b[path] as string }] : [],
  );
}
