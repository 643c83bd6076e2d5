import Taro from '@tarojs/taro';
import { SUBSCRIPTION_RESULTS, type MetaAnswer } from '@weiquan/shared';
import { useEffect, useRef } from 'react';
import { api } from '../../api/endpoints';
import { isWeapp } from '../../lib/platform';

type SubscriptionResult = (typeof SUBSCRIPTION_RESULTS)[number];
export type SubscriptionResults = Record<string, SubscriptionResult>;

/** WeChat allows at most 3 template ids per request. */
export function templateIds(meta: MetaAnswer): string[] {
  return [meta.templates.caseUpdate, meta.templates.deadline, meta.templates.merchantNewCase]
    .filter((x): x is string => !!x)
    .slice(0, 3);
}

/**
 * Subscribe messages for a submit button. The template ids come from /meta, fetched at mount
 * because WeChat honours `requestSubscribeMessage` only inside the tap: call `ask()` in the submit
 * handler before awaiting anything else. `report()` posts the results to /subscriptions (once
 * there is a session) and answers how many were accepted. On H5 both answer undefined.
 */
export function useSubscribeInTap() {
  const meta = useRef<MetaAnswer>();
  useEffect(() => {
    if (isWeapp())
      void api.meta().then(
        (m) => (meta.current = m),
        () => undefined,
      );
  }, []);

  return {
    ask: async (): Promise<SubscriptionResults | undefined> => {
      if (!isWeapp() || !meta.current) return undefined;
      const tmplIds = templateIds(meta.current);
      if (!tmplIds.length) return undefined;
      try {
        const res = (await Taro.requestSubscribeMessage({ tmplIds } as never)) as unknown as Record<
          string,
          string
        >;
        const known = (r: string | undefined): r is SubscriptionResult =>
          (SUBSCRIPTION_RESULTS as readonly string[]).includes(r ?? '');
        return Object.fromEntries(tmplIds.map((id) => [id, known(res[id]) ? res[id] : 'reject']));
      } catch {
        return undefined;
      }
    },
    report: (results: SubscriptionResults | undefined): number | undefined => {
      if (!results) return undefined;
      // the timeline and inbox stay the source of truth: a lost report only costs a notification
      void api.saveSubscriptions(results).catch(() => undefined);
      return Object.values(results).filter((r) => r === 'accept').length;
    },
  };
}
