/**
 * Taro's vite runner puts every node_modules module into `vendors.js` and every module shared by two
 * pages into `common.js`, both in the WeChat MAIN package, even when only subpackage pages use them
 * (zod, the wizard, the case screens). This wraps its `manualChunks`: a module reached only from the
 * pages of one subpackage goes to `<root>/common.js` inside that subpackage; the rest is left to Taro
 * (its `taro` and `babelHelpers` chunks must stay whole: they break commonjs cycles).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

type ModuleInfo = { importers: readonly string[]; dynamicImporters: readonly string[] } | null;
type ChunkApi = { getModuleInfo: (id: string) => ModuleInfo };
type ManualChunks = (id: string, api: ChunkApi) => string | null | undefined;

const MAIN = '<main>';

export function subpackageChunks(roots: string[]) {
  const dirs = roots.map((r) => ({ root: r, dir: path.join(SOURCE_DIR, r) + path.sep }));
  const rootOf = (id: string) => dirs.find((d) => id.split('?')[0].startsWith(d.dir))?.root;

  /** The subpackage roots (or MAIN) whose pages reach this module through its importers. */
  function owners(
    id: string,
    api: ChunkApi,
    memo: Map<string, Set<string>>,
    path_: Set<string>,
  ): Set<string> {
    const known = memo.get(id);
    if (known) return known;
    const own = rootOf(id);
    if (own) return new Set([own]);
    if (path_.has(id)) return new Set();
    const info = api.getModuleInfo(id);
    const importers = [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])];
    if (!importers.length) return new Set([MAIN]);
    path_.add(id);
    const found = new Set<string>();
    for (const importer of importers) for (const o of owners(importer, api, memo, path_)) found.add(o);
    path_.delete(id);
    memo.set(id, found);
    return found;
  }

  return {
    name: 'wq:subpackage-chunks',
    outputOptions(options: { manualChunks?: unknown }) {
      const taro = options.manualChunks as ManualChunks | undefined;
      if (typeof taro !== 'function') return null;
      const memo = new Map<string, Set<string>>();
      const manualChunks: ManualChunks = (id, api) => {
        const chosen = taro(id, api);
        // the runner's injected files (null) and the two cycle-breaking chunks stay as Taro wants
        if (chosen === null || chosen === 'taro' || chosen === 'babelHelpers') return chosen;
        // a module with one importer (no chunk chosen) travels with that importer already
        if (!chosen) return chosen;
        const o = owners(id, api, memo, new Set());
        return o.size === 1 && !o.has(MAIN) ? `${[...o][0]}/common` : chosen;
      };
      return { ...options, manualChunks };
    },
  };
}
