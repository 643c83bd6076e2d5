/**
 * WeChat's content security API, version 2: msg_sec_check (text, synchronous) and
 * media_check_async (images, the verdict arrives later as a pushed wxa_media_check event).
 * Neither ever throws: a failure is an answer too ("unchecked"), which the caller lists for staff.
 */
import { TOKEN_ERRCODES, TokenError, type AccessTokens } from './access-token';
import { errcodeOf, errmsgOf, jsonPost, type WechatCall } from './wechat-http';

/** WeChat's scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type CheckScene = 1 | 2 | 3 | 4;

export interface TextCheckRequest {
  openid: string;
  content: string;
  scene: CheckScene;
}

export type Suggest = 'pass' | 'review' | 'risky';

export type TextVerdict =
  | { kind: Suggest; label: number; traceId?: string }
  | { kind: 'unchecked'; reason: string; rateLimited: boolean };

export interface MediaCheckRequest {
  openid: string;
  mediaUrl: string;
  scene: CheckScene;
}

export type MediaCheckStart =
  /** `verdict`: known at once (the emulator), no push will follow */
  | { ok: true; traceId: string; verdict?: { suggest: Suggest; label: number } }
  | { ok: false; reason: string; rateLimited: boolean };

/** 45009 (quota) and 45011 (minute quota): WeChat asks us to slow down. */
export const FREQUENCY_LIMIT_ERRCODES = new Set([45009, 45011]);
const SUGGESTS = new Set<string>(['pass', 'review', 'risky']);

type Failure = { reason: string; rateLimited: boolean };
type Outcome = { ok: true; body: Record<string, unknown> } | ({ ok: false } & Failure);

function readResult(body: Record<string, unknown>): { suggest: Suggest; label: number } | null {
  const result = body.result as Record<string, unknown> | undefined;
  const suggest = result?.suggest;
  if (typeof suggest !== 'string' || !SUGGESTS.has(suggest)) return null;
  // the label is documented as a string, answered as a number: take either
  const label = Number(result?.label);
  return { suggest: suggest as Suggest, label: Number.isFinite(label) ? label : 0 };
}

export function createContentCheckCalls(call: WechatCall, tokens: AccessTokens, timeoutMs: number) {
  async function post(path: string, body: object): Promise<Outcome> {
    try {
      return await tokens.withToken<Outcome>(async (token) => {
        const reply = await call(
          `${path}?access_token=${encodeURIComponent(token)}`,
          jsonPost(body),
          timeoutMs,
        );
        if (reply.kind === 'network')
          return { result: { ok: false, reason: reply.message, rateLimited: false }, tokenProblem: false };
        if (reply.kind === 'http')
          return {
            result: { ok: false, reason: `HTTP ${reply.status}`, rateLimited: false },
            tokenProblem: false,
          };
        const errcode = errcodeOf(reply.body);
        if (errcode === 0) return { result: { ok: true, body: reply.body }, tokenProblem: false };
        return {
          result: {
            ok: false,
            reason: `errcode ${errcode} ${errmsgOf(reply.body)}`.trim(),
            rateLimited: FREQUENCY_LIMIT_ERRCODES.has(errcode),
          },
          tokenProblem: TOKEN_ERRCODES.has(errcode),
        };
      });
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      return { ok: false, reason: err.message, rateLimited: false };
    }
  }

  return {
    async checkText(req: TextCheckRequest): Promise<TextVerdict> {
      const out = await post('/wxa/msg_sec_check', {
        content: req.content,
        version: 2,
        scene: req.scene,
        openid: req.openid,
      });
      if (!out.ok) return { kind: 'unchecked', reason: out.reason, rateLimited: out.rateLimited };
      const result = readResult(out.body);
      if (!result) return { kind: 'unchecked', reason: 'answer without a result', rateLimited: false };
      const traceId = typeof out.body.trace_id === 'string' ? out.body.trace_id : undefined;
      return { kind: result.suggest, label: result.label, ...(traceId ? { traceId } : {}) };
    },

    async startMediaCheck(req: MediaCheckRequest): Promise<MediaCheckStart> {
      const out = await post('/wxa/media_check_async', {
        media_url: req.mediaUrl,
        media_type: 2,
        version: 2,
        scene: req.scene,
        openid: req.openid,
      });
      if (!out.ok) return out;
      const traceId = out.body.trace_id;
      if (typeof traceId !== 'string' || !traceId)
        return { ok: false, reason: 'answer without a trace_id', rateLimited: false };
      return { ok: true, traceId };
    },
  };
}

/** The verdict inside a pushed wxa_media_check event (version 2), or null when it carries none. */
export function mediaVerdictOf(event: Record<string, unknown>): { suggest: Suggest; label: number } | null {
  return readResult(event);
}
