/**
 * What the three filings (我要投诉, 我要举报, 我要咨询) do alike: the field errors, the step
 * validation of the two wizards, and the submit sequence. Each screen brings only its own part:
 * its validation (the shared schema), its steps, its API call and its "submitted" message.
 */
import Taro from '@tarojs/taro';
import type { CaseView } from '@weiquan/shared';
import { useState } from 'react';
import type { useDraft } from '../../hooks/use-draft';
import { messageOf } from '../../hooks/use-remote';
import { useT, type MessageKey } from '../../i18n';
import { ApiError } from '../../lib/api-client';
import { ROUTES } from '../../routes';
import { photosPending, type Photo } from '../evidence/photos';
import { rememberFiledContact } from './profile-offer';
import { rejectedFields } from './rejected-content';
import { useSubscribeInTap } from '../subscriptions/subscribe-in-tap';

export type Errors<K extends string> = Partial<Record<K, string>>;

export interface FilingStep<K extends string> {
  key: MessageKey;
  fields: K[];
}

/** The errors that belong to one step's fields. */
export function stepErrors<K extends string>(
  all: Errors<K>,
  steps: FilingStep<K>[],
  step: number,
): Errors<K> {
  const fields = steps[step]?.fields ?? [];
  return Object.fromEntries(Object.entries(all).filter(([k]) => fields.includes(k as K))) as Errors<K>;
}

/** The first step with a field in error, or -1. */
export function firstStepWithError<K extends string>(all: Errors<K>, steps: FilingStep<K>[]): number {
  return steps.findIndex((s) => s.fields.some((f) => all[f]));
}

interface FilingOptions<F, K extends string, B> {
  drafts: ReturnType<typeof useDraft<F>>;
  /** the shared schema's verdict on the form as it is now: field errors, or the body to send */
  validate: () => { errors: Errors<K>; body?: B };
  /** a wizard's steps: `next` checks the step's fields, a failed submit opens the first step in error */
  steps?: FilingStep<K>[];
  /** evidence photos: a submit waits until every one is uploaded */
  photos?: Photo[];
  /** after the subscribe request and before filing (the consultation logs in only here) */
  beforeFiling?: () => Promise<boolean>;
  /** the API call, with the draft's Idempotency-Key */
  file: (body: B, idempotencyKey: string) => Promise<CaseView>;
}

/** the real-name details a filing carried (a complaint's complainant, a named reporter) */
function contactOf(body: unknown) {
  const b = body as { complainant?: Contact; reporter?: Contact };
  return b.complainant ?? b.reporter;
}
interface Contact {
  name: string;
  phone: string;
  address: string;
}

export function useFilingSubmit<F, K extends string, B>(options: FilingOptions<F, K, B>) {
  const t = useT();
  const { drafts, steps } = options;
  const [errors, setErrors] = useState<Errors<K>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const subscriptions = useSubscribeInTap();

  return {
    errors,
    setErrors,
    submitting,
    submitError,

    /** a change clears the errors of the fields it touches */
    update: (patch: Partial<F>) => {
      drafts.update(patch);
      const touched = Object.keys(patch);
      setErrors(
        (e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k))) as Errors<K>,
      );
    },

    /** to the next step when the current one's fields (and `extra`, the screen's own checks) hold no error */
    next: (extra: Errors<K> = {}) => {
      if (!steps) return;
      const step = drafts.draft.step;
      const own = { ...stepErrors(options.validate().errors, steps, step), ...extra };
      setErrors(own);
      if (Object.keys(own).length === 0) drafts.setStep(Math.min(step + 1, steps.length - 1));
    },

    submit: async () => {
      const { errors: all, body } = options.validate();
      if (!body) {
        setErrors(all);
        const first = steps ? firstStepWithError(all, steps) : -1;
        if (first >= 0) drafts.setStep(first);
        return;
      }
      if (options.photos && photosPending(options.photos)) {
        setSubmitError(t('wizard.evidence.pending'));
        return;
      }
      // inside the tap, before anything else is awaited: WeChat refuses the request otherwise
      const granted = await subscriptions.ask();
      if (options.beforeFiling && !(await options.beforeFiling())) return;
      const subscribed = subscriptions.report(granted);
      setSubmitting(true);
      setSubmitError(null);
      drafts.markAttempted();
      try {
        const answer = await options.file(body, drafts.draft.idempotencyKey);
        drafts.finish();
        const contact = contactOf(body);
        rememberFiledContact(
          contact && { name: contact.name, phone: contact.phone, address: contact.address },
        );
        // the result page stays until the person leaves it (a toast vanished with the page change)
        const sub = subscribed === undefined ? '' : `&subscribed=${subscribed}`;
        void Taro.redirectTo({ url: `${ROUTES.filed}?id=${answer.id}${sub}` });
      } catch (e) {
        const rejected = rejectedFields(e, t('error.contentRejected'));
        if (rejected) {
          // beside the field WeChat named, on the step that holds it
          setErrors(rejected as Errors<K>);
          const first = steps ? firstStepWithError(rejected as Errors<K>, steps) : -1;
          if (first >= 0) drafts.setStep(first);
          setSubmitError(t('error.contentRejected'));
          return;
        }
        setSubmitError(e instanceof ApiError && e.code === 'NETWORK' ? t('error.network') : messageOf(e));
      } finally {
        setSubmitting(false);
      }
    },

    /** start over: a fresh draft (new Idempotency-Key), no errors */
    discard: () => {
      drafts.discard();
      setErrors({});
      setSubmitError(null);
    },
  };
}
