import { REFUSAL_GROUNDS, REPORT_NOT_OPEN_GROUNDS, TERMINATION_GROUNDS } from '@weiquan/shared';

const ALL = [...REFUSAL_GROUNDS, ...TERMINATION_GROUNDS, ...REPORT_NOT_OPEN_GROUNDS];

/** A ground code as its text and the article it cites. */
export function groundText(code: string): string {
  const g = ALL.find((x) => x.code === code);
  return g ? `${g.textZh}（${g.source}）` : code;
}
