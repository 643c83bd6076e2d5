/**
 * A merchant-role token is only as good as the binding behind it: every merchant request checks the
 * user's binding as it is now (remembered for at most BINDING_CHECK_MAX_AGE_MS, so another instance's
 * unbind takes effect within 10 seconds), and every refresh reads it afresh.
 */
import { uuid } from '@weiquan/shared';
import { AppError, invalidField, notFound } from '../errors';
import type { MerchantBindingStore } from '../store/merchant-binding-store';
import type { Caller } from './caller';

/** How long a binding read is trusted: the contract allows 10 s; this leaves room for the request. */
export const BINDING_CHECK_MAX_AGE_MS = 5_000;
const REMEMBERED_MAX = 10_000;

const isUuid = (s: string) => uuid.safeParse(s).success;
const ended = () =>
  new AppError('UNAUTHENTICATED', 'This merchant binding has ended; bind with a new code to continue');

export function createMerchantBindings(deps: {
  store: MerchantBindingStore;
  now: () => Date;
  maxUsersPerCode: number;
}) {
  const { store, now } = deps;
  // The read itself is remembered (a promise): concurrent requests of one merchant share it.
  const remembered = new Map<string, { at: number; merchantId: Promise<string | null> }>();
  const remember = (userId: string, merchantId: Promise<string | null>) => {
    remembered.delete(userId);
    if (remembered.size >= REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
    remembered.set(userId, { at: now().getTime(), merchantId });
    // A failed read is not remembered: the next request asks again.
    merchantId.catch(() => {
      if (remembered.get(userId)?.merchantId === merchantId) remembered.delete(userId);
    });
    return merchantId;
  };
  const current = (userId: string): Promise<string | null> => {
    const t = now().getTime();
    const hit = remembered.get(userId);
    if (hit && t - hit.at < BINDING_CHECK_MAX_AGE_MS && t >= hit.at) return hit.merchantId;
    return remember(userId, store.currentMerchant(userId));
  };

  return {
    /** Throws 401 unless this merchant-role caller is still bound to its token's merchant (other roles pass). */
    async check(caller: Caller): Promise<void> {
      if (caller.role !== 'merchant') return;
      if ((await current(caller.id)) !== caller.merchantId) throw ended();
    },

    /** The same check read from the store (refresh: a new token must never outlive its binding). */
    async checkNow(caller: Caller): Promise<void> {
      if (caller.role !== 'merchant') return;
      if ((await remember(caller.id, store.currentMerchant(caller.id))) !== caller.merchantId) throw ended();
    },

    /** Binds the user (ending sessions for any other merchant); answers the merchant id. */
    async bind(userId: string, code: string): Promise<string> {
      const outcome = await store.bind(userId, code, deps.maxUsersPerCode);
      if (!outcome.bound)
        throw invalidField(
          'bindingCode',
          outcome.reason === 'used_up'
            ? 'this binding code has been used up; ask the 12315 centre for a new one'
            : 'unknown binding code',
        );
      remember(userId, Promise.resolve(outcome.merchantId));
      return outcome.merchantId;
    },

    async unbind(merchantId: string, userId: string): Promise<void> {
      if (!isUuid(merchantId) || !isUuid(userId) || !(await store.unbind(merchantId, userId)))
        throw notFound('No such binding');
      remember(userId, Promise.resolve(null));
    },

    async rotateCode(merchantId: string): Promise<{ bindingCode: string }> {
      const bindingCode = isUuid(merchantId) ? await store.rotateCode(merchantId) : null;
      if (!bindingCode) throw notFound('Merchant not found');
      return { bindingCode };
    },
  };
}
export type MerchantBindings = ReturnType<typeof createMerchantBindings>;
