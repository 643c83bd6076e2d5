/**
 * Two bundler settings that keep @weiquan/shared light in the mini-program (shared/ itself is
 * written for the BFF too, so the trimming happens here):
 * - its modules are marked free of side effects, so the schemas and tables a page does not use are
 *   dropped (`export *` barrels otherwise keep every top-level `z.object(...)` call);
 * - the official holiday table (chinese-days, ~35 KB) is replaced by an empty one. The client never
 *   counts working days: deadlines and `workingDaysLeft` come computed from the BFF. The only
 *   calendar function the client runs is `beijingDate` (the filing schemas' "not in the future"),
 *   which needs no table. With the empty table any working-day result would be flagged provisional.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED_SRC = path.resolve(here, '../../shared/src') + path.sep;
const NO_HOLIDAYS = path.join(here, 'no-holidays.json');

export function leanShared() {
  return {
    name: 'wq:lean-shared',
    enforce: 'pre' as const,
    resolveId(source: string) {
      if (source === 'chinese-days/dist/chinese-days.json') return NO_HOLIDAYS;
      return null;
    },
    transform(_code: string, id: string) {
      if (id.split('?')[0].startsWith(SHARED_SRC))
        return { code: _code, map: null, moduleSideEffects: false };
      return null;
    },
  };
}
