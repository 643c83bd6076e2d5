import { Input, Label, Text, Textarea, View } from '@tarojs/components';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'digit' | 'number' | 'idcard';
  maxlength?: number;
}

/** A labelled input with its error beside it (inputs always carry a visible label). */
export function Field({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  multiline,
  type = 'text',
  maxlength,
}: FieldProps) {
  const errorId = `${id}-error`;
  const common = {
    id,
    value,
    placeholder,
    maxlength: maxlength ?? -1,
    className: `wq-input ${error ? 'wq-input-invalid' : ''}`,
    'aria-invalid': !!error,
    'aria-describedby': error ? errorId : undefined,
    // H5 draws a native input inside Taro's element: the label must reach that one too
    nativeProps: {
      'aria-label': label,
      'aria-invalid': !!error,
      ...(error ? { 'aria-describedby': errorId } : {}),
    },
    onInput: (e: { detail: { value: string } }) => onChange(e.detail.value),
  };
  return (
    <View className="wq-field">
      <Label for={id} className="wq-label">
        {label}
      </Label>
      {multiline ? <Textarea {...common} autoHeight /> : <Input {...common} type={type} />}
      {hint && !error && <Text className="wq-hint">{hint}</Text>}
      {error && (
        <View id={errorId} className="wq-error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}

export function ErrorText({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <View className="wq-error wq-error-block" role="alert">
      {message}
    </View>
  );
}
