/**
 * The case domain, one use case per file: `file-case.ts`, `act-on-case.ts` (and the clocks' system
 * action), `split-report.ts`, `read-case.ts`, `list-cases.ts`. `createCases` builds them once over
 * the store (the batched reader and filings are per process) for the routes and the clocks.
 */
import type {
  BulkAnswer,
  BulkBody,
  CaseAction,
  CaseList,
  CaseListQuery,
  CaseView,
  ClaimCaseBody,
  FileCaseBody,
  QueuesAnswer,
  WorkingCalendar,
} from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import type { PiiCipher } from '../security/pii-cipher';
import type { Db } from '../store/db';
import { actOnCase, applySystemAction } from './act-on-case';
import type { CaseContent, CaseContext } from './case-context';
import { bulkAct } from './bulk-actions';
import { claimCase } from './claim-case';
import { countQueues } from './queues';
import { createCaseReader } from './case-reader';
import { fileCase, type Filing } from './file-case';
import { createFilingBatches } from './filing-batches';
import { listCasesJson } from './list-cases';
import { readCase } from './read-case';
import { recomputeDeadlines } from './recompute-deadlines';

export interface CasesDeps {
  db: Db;
  cipher: PiiCipher;
  now: () => Date;
  caseNoPrefix: string;
  content?: CaseContent;
  calendar: () => WorkingCalendar;
}

export function createCases(deps: CasesDeps) {
  const ctx: CaseContext = {
    ...deps,
    reader: createCaseReader(deps.db),
    filings: createFilingBatches(deps.db),
  };
  return {
    file: (caller: Caller, key: string, body: FileCaseBody): Promise<Filing> =>
      fileCase(ctx, caller, key, body),
    get: (caller: Caller, id: string): Promise<CaseView> => readCase(ctx, caller, id),
    act: (caller: Caller, id: string, action: CaseAction): Promise<CaseView> =>
      actOnCase(ctx, caller, id, action),
    /** staff: one action on many cases, each alone */
    bulk: (caller: Caller, body: BulkBody): Promise<BulkAnswer> =>
      bulkAct((c, id, action) => actOnCase(ctx, c, id, action), caller, body),
    /** a caller claims a case staff filed for them */
    claim: (caller: Caller, body: ClaimCaseBody): Promise<CaseView> => claimCase(ctx, caller, body),
    queues: (caller: Caller): Promise<QueuesAnswer> => countQueues(ctx, caller),
    /** A change made by the clocks (a missed merchant deadline): false when it no longer applies. */
    applySystemAction: (id: string, type: 'merchant_timeout'): Promise<boolean> =>
      applySystemAction(ctx, id, type),
    /** After a year's arrangement is saved: open deadlines reaching into it computed again. */
    recomputeDeadlines: (year: number, dryRun: boolean): Promise<number> =>
      recomputeDeadlines(deps.db, deps.calendar(), year, { dryRun, at: deps.now() }),
    listJson: (caller: Caller, query: CaseListQuery): Promise<string> => listCasesJson(ctx, caller, query),
    /** The page as an object (in-process callers; the route sends `listJson` as it is). */
    list: async (caller: Caller, query: CaseListQuery): Promise<CaseList> =>
      JSON.parse(await listCasesJson(ctx, caller, query)) as CaseList,
  };
}
export type Cases = ReturnType<typeof createCases>;
