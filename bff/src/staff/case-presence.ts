/**
 * Who else is on a case (FreeScout's warning): the console's case page beats while it is open and
 * shows the colleagues answered, so that two handlers do not work one case at once unawares. Kept in
 * the store with a freshness window rather than in memory, so it holds across several BFFs.
 */
import { PRESENCE_FRESH_SECONDS, type PresenceAnswer, type PresenceBody } from '@weiquan/shared';
import type { Caller } from '../auth/caller';
import { notFound } from '../errors';
import { UUID } from '../store/page-cursor';
import type { PresenceStore } from '../store/presence-store';

export function createCasePresence(store: PresenceStore, now: () => Date) {
  return {
    async beat(caller: Caller, caseId: string, body: PresenceBody): Promise<PresenceAnswer> {
      const at = now();
      const freshFrom = new Date(at.getTime() - PRESENCE_FRESH_SECONDS * 1000);
      if (!UUID.test(caseId) || !(await store.beat(caseId, caller.id, body.acting === true, at, freshFrom)))
        throw notFound('No such case');
      const others = await store.others(caseId, caller.id, freshFrom);
      return {
        viewers: others.map((o) => ({
          id: o.id,
          displayName: o.displayName,
          since: o.since.toISOString(),
          acting: o.acting,
        })),
      };
    },
  };
}
export type CasePresence = ReturnType<typeof createCasePresence>;
