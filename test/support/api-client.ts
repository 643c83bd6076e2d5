/** A thin fetch wrapper for tests: JSON in and out, the whole answer kept for assertions. */
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}
export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** send this string as the body verbatim (malformed JSON tests) */
  raw?: string | Uint8Array | FormData;
}
export interface ApiClient {
  get<T = any>(path: string, opts?: RequestOptions): Promise<ApiAnswer<T>>;
  post<T = any>(path: string, body?: unknown, opts?: RequestOptions): Promise<ApiAnswer<T>>;
  put<T = any>(path: string, body?: unknown, opts?: RequestOptions): Promise<ApiAnswer<T>>;
  delete<T = any>(path: string, opts?: RequestOptions): Promise<ApiAnswer<T>>;
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    opts?: RequestOptions,
  ): Promise<ApiAnswer<T>>;
}

export function createApiClient(baseUrl: string): ApiClient {
  const request = async (method: string, path: string, body?: unknown, opts: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: BodyInit | undefined;
    if (opts.raw !== undefined) payload = opts.raw as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const url = path.startsWith('http')
      ? path
      : `${baseUrl}${path.startsWith('/api') || path.startsWith('/healthz') || path.startsWith('/readyz') ? '' : '/api/v1'}${path}`;
    const res = await fetch(url, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    request,
    get: (path, opts) => request('GET', path, undefined, opts),
    post: (path, body, opts) => request('POST', path, body, opts),
    put: (path, body, opts) => request('PUT', path, body, opts),
    delete: (path, opts) => request('DELETE', path, undefined, opts),
  };
}
