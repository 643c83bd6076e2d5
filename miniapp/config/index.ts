import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { bundleReport } from './bundle-report';
import { firstLoadChunks } from './first-load-chunks';
import { leanShared } from './lean-shared';
import { precompress } from './precompress';
import { subpackageChunks } from './subpackage-chunks';

const MINIAPP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// the subpackage roots of src/app.config.ts (the weapp package check compares them with app.json)
const SUBPACKAGE_ROOTS = ['consumer', 'merchant'];

// what a first visit to the H5 app opens; the rest of the app loads when a page needs it
const FIRST_PAGES = ['pages/home/index'];

// NutUI's own styles are drawn for a 375 px design; ours for 750 px.
function designWidth(input?: string | number | { file?: string }): number {
  const file = (typeof input === 'object' ? input?.file : undefined)?.replace(/\\+/g, '/') ?? '';
  return file.includes('@nutui') ? 375 : 750;
}

export default defineConfig<'vite'>(async () => {
  const env = process.env.TARO_ENV ?? 'weapp';
  const config: UserConfigExport<'vite'> = {
    projectName: 'weiquan',
    date: '2026-11-24',
    designWidth,
    // WeChat templates cannot recurse, so Taro writes one template per nesting level into the main
    // package's base.wxml (~3.5 KB each, 16 by default); deeper nodes continue through its `comp`
    // component, at a small rendering cost. 8 levels keep the main package under its 600 KB budget.
    baseLevel: 8,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${env}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'vite',
      vitePlugins: [
        leanShared(),
        ...(env === 'weapp' ? [subpackageChunks(SUBPACKAGE_ROOTS)] : []),
        bundleReport(),
        ...(env === 'h5'
          ? [firstLoadChunks(FIRST_PAGES), precompress(path.join(MINIAPP_DIR, `dist/${env}`))]
          : []),
      ],
    },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return config;
});
