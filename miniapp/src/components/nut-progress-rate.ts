/**
 * NutUI's progress bar (photo uploads, wizard steps) and stars (ratings): drawn by consumer pages
 * only, so kept apart from ./nut, which the first screens import. Imported from here, their code
 * travels in the consumer subpackage (WeChat, ~12 KB) and in those pages' lazy chunks (H5); their
 * styles are imported by ./nut.
 */

export { default as NutProgress } from '@nutui/nutui-react-taro/dist/es/packages/progress';
export { default as NutRate } from '@nutui/nutui-react-taro/dist/es/packages/rate';
