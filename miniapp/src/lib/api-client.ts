/**
 * The one way the mini-program talks to the BFF: base URL, Bearer token of the acting role,
 * one refresh on 401 (then back to login), the server's error message kept for display, and
 * the offline flag. Request and answer types come from the shared zod schemas.
 */
import Taro from '@tarojs/taro';
import { API, type ErrorCode, type TokenAnswer } from '@weiquan/shared';
import { network } from './network';
import { apiBase } from './platform';
import { clearSession, getSession, saveSession, type AppRole } from './session';

export type ApiErrorCode = ErrorCode | 'NETWORK' | 'BAD_ANSWER';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status = 0,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Auth = AppRole | 'none';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** whose token to send; default consumer */
  auth?: Auth;
}

type Listener = (role: AppRole) => void;
let onSessionLost: Listener = () => undefined;
/** What to do when a role's session cannot be refreshed (the app sends people to login or binding). */
export function setSessionLostHandler(listener: Listener): void {
  onSessionLost = listener;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function errorFrom(status: number, data: unknown): ApiError {
  const body = (typeof data === 'string' ? safeJson(data) : data) as
    { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  const err = body?.error;
  if (err?.code && err.message)
    return new ApiError(err.code as ApiErrorCode, err.message, status, err.details);
  return new ApiError('BAD_ANSWER', `HTTP ${status}`, status);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

const refreshing = new Map<AppRole, Promise<boolean>>();

/** Refresh tokens are single use: concurrent 401s share one refresh. */
function refresh(role: AppRole): Promise<boolean> {
  const pending = refreshing.get(role);
  if (pending) return pending;
  const run = (async () => {
    const session = getSession(role);
    if (!session) return false;
    try {
      const res = await Taro.request({
        url: `${apiBase()}${API.refreshToken.path}`,
        method: 'POST',
        data: { refreshToken: session.refreshToken },
        header: { 'content-type': 'application/json' },
      });
      if (res.statusCode !== 200) return false;
      saveSession(role, res.data as TokenAnswer);
      return true;
    } catch {
      return false;
    }
  })();
  refreshing.set(role, run);
  void run.finally(() => refreshing.delete(role));
  return run;
}

async function sessionLost(role: AppRole, status: number, data: unknown): Promise<never> {
  clearSession(role);
  onSessionLost(role);
  throw errorFrom(status, data);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? 'consumer';
  const send = async () => {
    const token = auth === 'none' ? undefined : getSession(auth)?.accessToken;
    const header: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (token) header.Authorization = `Bearer ${token}`;
    try {
      const res = await Taro.request({
        url: `${apiBase()}${path}${queryString(options.query)}`,
        method: options.method ?? 'GET',
        data: options.body as never,
        header,
        dataType: 'json',
      });
      if (network.get().offline) network.set({ offline: false });
      return res;
    } catch (e) {
      network.set({ offline: true });
      throw new ApiError('NETWORK', (e as { errMsg?: string })?.errMsg ?? 'network error');
    }
  };
  let res = await send();
  if (res.statusCode === 401 && auth !== 'none' && getSession(auth)) {
    if (await refresh(auth)) res = await send();
    if (res.statusCode === 401) return sessionLost(auth, res.statusCode, res.data);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  throw errorFrom(res.statusCode, res.data);
}

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort(): void;
}

/** The bytes of an H5 pick, by its blob URL: sent as they are (see `browserUpload`). */
const browserFiles = new Map<string, Blob>();
export function rememberBrowserFile(path: string, file: Blob): void {
  browserFiles.set(path, file);
}

type UploadResult = { statusCode: number; data: unknown };
type UploadTask = Promise<UploadResult> & {
  progress?: (cb: (r: { progress: number }) => void) => void;
  abort?: () => void;
};

/**
 * H5 only: Taro.uploadFile re-reads a blob: URL with XHR, which a Content-Security-Policy without
 * `connect-src blob:` blocks; posting the picked File itself needs no such permission.
 */
function browserUpload(url: string, file: Blob, header: Record<string, string>): UploadTask {
  const xhr = new XMLHttpRequest();
  const task = new Promise<UploadResult>((resolve, reject) => {
    xhr.open('POST', url);
    Object.entries(header).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.onload = () => resolve({ statusCode: xhr.status, data: xhr.responseText });
    xhr.onerror = () => reject({ errMsg: 'uploadFile:fail' });
    xhr.onabort = () => reject({ errMsg: 'uploadFile:fail abort' });
    const form = new FormData();
    form.append('file', file, (file as File).name || 'photo');
    xhr.send(form);
  }) as UploadTask;
  task.progress = (cb) => {
    xhr.upload.onprogress = (e) =>
      e.lengthComputable && cb({ progress: Math.round((e.loaded / e.total) * 100) });
  };
  task.abort = () => xhr.abort();
  return task;
}

/** One file per call (WeChat's rule) to `path`, multipart field `file`, progress 0..100. */
export function apiUpload<T>(
  path: string,
  filePath: string,
  onProgress: (percent: number) => void,
  auth: AppRole = 'consumer',
): UploadHandle<T> {
  let aborted = false;
  let current: { abort?: () => void } | undefined;
  const once = () =>
    new Promise<UploadResult>((resolve, reject) => {
      const token = getSession(auth)?.accessToken;
      const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
      const url = `${apiBase()}${path}`;
      const file = browserFiles.get(filePath);
      const task: UploadTask = file
        ? browserUpload(url, file, header)
        : (Taro.uploadFile({ url, filePath, name: 'file', header }) as unknown as UploadTask);
      current = task;
      task.progress?.((r) => onProgress(r.progress));
      task.then(resolve, (e: { errMsg?: string }) => {
        network.set({ offline: !aborted });
        reject(new ApiError('NETWORK', e?.errMsg ?? 'upload failed'));
      });
    });
  const promise = (async () => {
    let res = await once();
    if (res.statusCode === 401 && getSession(auth)) {
      if (await refresh(auth)) res = await once();
      if (res.statusCode === 401) return sessionLost(auth, res.statusCode, res.data);
    }
    const data = typeof res.data === 'string' ? safeJson(res.data) : res.data;
    if (res.statusCode >= 200 && res.statusCode < 300) return data as T;
    throw errorFrom(res.statusCode, data);
  })();
  return {
    promise,
    abort() {
      aborted = true;
      current?.abort?.();
    },
  };
}
