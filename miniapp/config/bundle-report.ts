/**
 * `WQ_BUNDLE_REPORT=1 npm run build:weapp` prints, per emitted chunk, its biggest modules (rendered
 * bytes before minification): the way to find what weighs on the main package.
 */
interface Chunk {
  type: 'chunk' | 'asset';
  fileName: string;
  modules?: Record<string, { renderedLength: number }>;
}

export function bundleReport(top = 12) {
  return {
    name: 'wq:bundle-report',
    generateBundle(_options: unknown, bundle: Record<string, Chunk>) {
      if (!process.env.WQ_BUNDLE_REPORT) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.modules) continue;
        const mods = Object.entries(chunk.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength);
        const total = mods.reduce((n, [, m]) => n + m.renderedLength, 0);
        console.log(`\n${chunk.fileName}  ${(total / 1024).toFixed(1)} KB rendered`);
        for (const [id, m] of mods.slice(0, top)) {
          console.log(
            `  ${(m.renderedLength / 1024).toFixed(1).padStart(7)} KB  ${id.replace(/^.*node_modules[\\/]/, '~/').replace(/^.*\/work\/main\//, '')}`,
          );
        }
      }
    },
  };
}
