import { View } from '@tarojs/components';

/** A row of choices, one selectable (tap targets stay at least 44 px high). */
export function Chips<V extends string>({
  options,
  value,
  onChange,
  name,
}: {
  options: Array<{ value: V; label: string }>;
  value: V | '' | undefined;
  onChange: (value: V) => void;
  name: string;
}) {
  return (
    <View className="wq-chips" role="radiogroup" aria-label={name}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`wq-chip ${value === o.value ? 'wq-chip-on' : ''}`}
          role="radio"
          aria-checked={value === o.value}
          data-value={o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
