/** What every use case of the case domain works with, built once (`createCases`). */
import { beijingDate, type WorkingCalendar } from '@weiquan/shared';
import type { PiiCipher } from '../security/pii-cipher';
import type { Db } from '../store/db';
import type { CaseReader } from './case-reader';
import type { createFilingBatches } from './filing-batches';
import type { ContentGuard } from '../content/content-guard';
import type { MediaSharing } from '../content/media-sharing';

/** Content security around what users write and attach (bff/src/content/); absent = nothing checked. */
export interface CaseContent {
  guard: ContentGuard;
  media: MediaSharing;
}

export interface CaseContext {
  db: Db;
  cipher: PiiCipher;
  now: () => Date;
  caseNoPrefix: string;
  /** the working-day calendar as it stands now (the calendar book's) */
  calendar: () => WorkingCalendar;
  reader: CaseReader;
  filings: ReturnType<typeof createFilingBatches>;
  content?: CaseContent;
}

/** A case number's prefix and Beijing date (XM20261124); the insert appends the sequence number. */
export const casePrefixOn = (ctx: Pick<CaseContext, 'caseNoPrefix'>, at: Date) =>
  `${ctx.caseNoPrefix}${beijingDate(at).replaceAll('-', '')}`;
