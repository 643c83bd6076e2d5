/**
 * Taro's H5 build puts every node_modules module into `vendors.js` and every module two pages share
 * into `common.js`, and index.html loads both before the first page draws: the wizards' and case
 * screens' shared modules travelled on every first load. This wraps its `manualChunks`: a module
 * that neither the app entry nor the first page reaches through static imports is left to the
 * bundler, which puts it into the lazy chunks of the pages that import it. Measured: common.js
 * 170 -> 135 KB. node_modules barely move: Taro's component and API barrels are reached from the
 * first page, so everything behind them (the date picker, the swiper of previewImage) counts as
 * reached and stays in vendors.js.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

type ModuleInfo = { isEntry: boolean; importers: readonly string[] } | null;
type ChunkApi = { getModuleInfo: (id: string) => ModuleInfo };
type ManualChunks = (id: string, api: ChunkApi) => string | null | undefined;

/** `firstPages`: the pages a first visit opens (`pages/home/index`), relative to src/. */
export function firstLoadChunks(firstPages: string[]) {
  const pages = firstPages.map((p) => path.join(SOURCE_DIR, p));
  const isFirstPage = (id: string) => pages.some((p) => id.split('?')[0].replace(/\.[jt]sx?$/, '') === p);

  /** True when the entry or a first page reaches the module through static imports alone. */
  function onFirstLoad(id: string, api: ChunkApi, memo: Map<string, boolean>, path_: Set<string>): boolean {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (path_.has(id)) return false;
    const info = api.getModuleInfo(id);
    if (!info || info.isEntry || isFirstPage(id)) return true;
    path_.add(id);
    const found = info.importers.some((importer) => onFirstLoad(importer, api, memo, path_));
    path_.delete(id);
    // a "no" found inside a cycle may be wrong (its way out may run through a module on the path)
    if (found || path_.size === 0) memo.set(id, found);
    return found;
  }

  return {
    name: 'wq:first-load-chunks',
    outputOptions(options: { manualChunks?: unknown }) {
      const taro = options.manualChunks as ManualChunks | undefined;
      if (typeof taro !== 'function') return null;
      const memo = new Map<string, boolean>();
      const manualChunks: ManualChunks = (id, api) => {
        const chosen = taro(id, api);
        // virtual modules (commonjs helpers and the like) stay where Taro puts them
        if (!chosen || id.startsWith('\0')) return chosen;
        return onFirstLoad(id, api, memo, new Set()) ? chosen : undefined;
      };
      return { ...options, manualChunks };
    },
  };
}
