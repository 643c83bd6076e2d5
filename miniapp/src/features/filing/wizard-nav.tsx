import { Text, View } from '@tarojs/components';
import { NutButton } from '../../components/nut';
import { NutProgress } from '../../components/nut-progress-rate';
import { useT, type MessageKey } from '../../i18n';
import type { FilingStep } from './use-filing-submit';

/** "第 n/total 步：name" and the progress bar. */
export function WizardProgress<K extends string>({ steps, step }: { steps: FilingStep<K>[]; step: number }) {
  const t = useT();
  return (
    <>
      <Text className="wq-step" id="wizard-step" data-step={step}>
        {t('wizard.step', { n: step + 1, total: steps.length, name: t(steps[step].key) })}
      </Text>
      <NutProgress percent={Math.round(((step + 1) / steps.length) * 100)} showText={false} />
    </>
  );
}

interface WizardNavProps<K extends string> {
  steps: FilingStep<K>[];
  step: number;
  setStep: (step: number) => void;
  onNext: () => void;
  onSubmit: () => void;
  submitting: boolean;
  submitLabel: MessageKey;
}

/** 上一步, then 下一步 or, on the last step, the submit button. */
export function WizardNav<K extends string>({
  steps,
  step,
  setStep,
  onNext,
  onSubmit,
  submitting,
  submitLabel,
}: WizardNavProps<K>) {
  const t = useT();
  return (
    <View className="wq-nav-row">
      {step > 0 && (
        <NutButton id="wizard-back" onClick={() => setStep(step - 1)}>
          {t('common.back')}
        </NutButton>
      )}
      {step < steps.length - 1 ? (
        <NutButton id="wizard-next" type="primary" onClick={() => onNext()}>
          {t('common.next')}
        </NutButton>
      ) : (
        <NutButton
          id="wizard-submit"
          type="primary"
          loading={submitting}
          disabled={submitting}
          onClick={() => onSubmit()}
        >
          {submitting ? t('wizard.review.submitting') : t(submitLabel)}
        </NutButton>
      )}
    </View>
  );
}
