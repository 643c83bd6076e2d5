/**
 * A mock of the @tarojs/taro APIs the app calls. Storage is an in-memory map; `request` and
 * `uploadFile` go to a fake server that tests install with `mockServer` (test/fake-api.ts).
 * NutUI reads getEnv, createSelectorQuery, nextTick and getSystemInfoSync at import time.
 */
import { useEffect } from 'react';

type Fn = (...args: any[]) => any;
const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};
let envType = 'WEB';

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  WEB: 'WEB',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  RN: 'RN',
};
export const getEnv = jest.fn(() => envType);

export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, JSON.parse(JSON.stringify(value)));
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});
export const clearStorageSync = jest.fn(() => storage.clear());

export const request = jest.fn(async (_opts: any): Promise<any> => {
  throw { errMsg: 'request:fail no fake server' };
});
export const uploadFile = jest.fn((_opts: any): any => {
  const p: any = Promise.reject({ errMsg: 'uploadFile:fail no fake server' });
  p.progress = () => undefined;
  return p;
});
export const login = jest.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' }));
export const chooseMedia = jest.fn(async () => ({
  tempFiles: [] as Array<{ tempFilePath: string; size: number }>,
}));
export const chooseImage = jest.fn(async () => ({
  tempFilePaths: [] as string[],
  tempFiles: [] as Array<{ path: string; size: number }>,
}));
export const previewImage = jest.fn();
export const downloadFile = jest.fn(async (_o: { url: string; header?: Record<string, string> }) => ({
  statusCode: 200,
  tempFilePath: 'wxfile://tmp/evidence.png',
}));
export const openDocument = jest.fn(async () => ({}));
export const requestSubscribeMessage = jest.fn(async (_opts: { tmplIds: string[] }) => ({
  errMsg: 'requestSubscribeMessage:ok',
}));
export const getPrivacySetting = jest.fn((opts: { success?: Fn }) =>
  opts.success?.({ needAuthorization: false }),
);
export const onNeedPrivacyAuthorization = jest.fn();
export const requirePrivacyAuthorize = jest.fn((opts: { success?: Fn }) => opts.success?.({}));
export const openPrivacyContract = jest.fn();

export const navigateTo = jest.fn(async (_o: { url: string }) => ({}));
export const redirectTo = jest.fn(async (_o: { url: string }) => ({}));
export const reLaunch = jest.fn(async (_o: { url: string }) => ({}));
export const switchTab = jest.fn(async (_o: { url: string }) => ({}));
export const navigateBack = jest.fn(async () => ({}));
export const showToast = jest.fn();
export const hideToast = jest.fn();
export const showLoading = jest.fn();
export const hideLoading = jest.fn();
export const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
export const setNavigationBarTitle = jest.fn();
export const stopPullDownRefresh = jest.fn();
export const getNetworkType = jest.fn((opts?: { success?: Fn }) => {
  const res = { networkType: 'wifi' };
  opts?.success?.(res);
  return Promise.resolve(res);
});
export const onNetworkStatusChange = jest.fn();
export const offNetworkStatusChange = jest.fn();
export const getSystemInfoSync = jest.fn(() => ({
  windowWidth: 375,
  windowHeight: 667,
  pixelRatio: 2,
  platform: 'devtools',
}));
export const getWindowInfo = getSystemInfoSync;
export const nextTick = (fn: Fn) => setTimeout(fn, 0);
export const createSelectorQuery = jest.fn(() => {
  const q: any = {
    select: () => q,
    selectAll: () => q,
    selectViewport: () => q,
    boundingClientRect: () => q,
    scrollOffset: () => q,
    fields: () => q,
    node: () => q,
    exec: (cb?: Fn) => cb?.([{ width: 0, height: 0, top: 0, left: 0 }]),
  };
  return q;
});
export const pxTransform = (n: number) => `${n / 2}px`;
export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn(), once: jest.fn() };
export const getCurrentInstance = () => ({ router: { params: routerParams } });

export const useRouter = () => ({ params: routerParams, path: '' });
export const useDidShow = (fn: Fn) => useEffect(() => void fn(), []);
export const useDidHide = (_fn: Fn) => undefined;
export const useLoad = (fn: Fn) => useEffect(() => void fn(routerParams), []);
export const useReady = (fn: Fn) => useEffect(() => void fn(), []);
export const useLaunch = (fn: Fn) => useEffect(() => void fn({}), []);
export const usePullDownRefresh = (_fn: Fn) => undefined;
export const useReachBottom = (_fn: Fn) => undefined;
export const useUnload = (_fn: Fn) => undefined;

/** Test controls, not part of Taro. */
export const __taro = {
  storage,
  setRouterParams(p: Record<string, string>) {
    routerParams = p;
  },
  setEnv(type: 'WEAPP' | 'WEB') {
    envType = type;
  },
  reset() {
    storage.clear();
    routerParams = {};
    envType = 'WEB';
  },
};

const Taro = {
  ENV_TYPE,
  getEnv,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  request,
  uploadFile,
  login,
  chooseMedia,
  chooseImage,
  previewImage,
  downloadFile,
  openDocument,
  requestSubscribeMessage,
  getPrivacySetting,
  onNeedPrivacyAuthorization,
  requirePrivacyAuthorize,
  openPrivacyContract,
  navigateTo,
  redirectTo,
  reLaunch,
  switchTab,
  navigateBack,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  showModal,
  setNavigationBarTitle,
  stopPullDownRefresh,
  getNetworkType,
  onNetworkStatusChange,
  offNetworkStatusChange,
  getSystemInfoSync,
  getWindowInfo,
  nextTick,
  createSelectorQuery,
  pxTransform,
  eventCenter,
  getCurrentInstance,
  useRouter,
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  useLaunch,
  usePullDownRefresh,
  useReachBottom,
  useUnload,
};
export default Taro;
