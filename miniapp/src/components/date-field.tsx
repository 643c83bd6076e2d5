import { Label, Picker, Text, View } from '@tarojs/components';
import { beijingDate } from '@weiquan/shared';
import { useT } from '../i18n';

/** The earliest purchase date offered: complaints older than 3 years are not accepted anyway. */
const EARLIEST = '2000-01-01';

/**
 * A date chosen with the platform's date picker (WeChat's wheel, Taro's on H5), bounded to the
 * past: nothing to type, no format to get wrong.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const t = useT();
  const errorId = `${id}-error`;
  return (
    <View className="wq-field">
      <Label for={id} className="wq-label">
        {label}
      </Label>
      <Picker
        id={id}
        mode="date"
        value={value || beijingDate(new Date())}
        start={EARLIEST}
        end={beijingDate(new Date())}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View
          className={`wq-input wq-picker ${error ? 'wq-input-invalid' : ''}`}
          role="button"
          aria-label={`${label} ${value || t('wizard.purchase.pick')}`}
          aria-describedby={error ? errorId : undefined}
        >
          <Text className={value ? '' : 'wq-placeholder'}>{value || t('wizard.purchase.pick')}</Text>
        </View>
      </Picker>
      {error && (
        <View id={errorId} className="wq-error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}
