/**
 * DOM stand-ins for @tarojs/components in jsdom: the same props the pages use, mapped to plain
 * elements, with Taro's event shapes (`onInput` carries `detail.value`, taps are `onClick`).
 */
import { createElement, forwardRef, type ReactNode } from 'react';

type AnyProps = Record<string, any> & { children?: ReactNode };

function passthrough(tag: string) {
  return forwardRef<HTMLElement, AnyProps>(function Stub({ hoverClass, catchMove, ...props }, ref) {
    void hoverClass;
    void catchMove;
    return createElement(tag, { ...props, ref });
  });
}

export const View = passthrough('div');
export const Text = passthrough('span');
export const Label = forwardRef<HTMLLabelElement, AnyProps>(function Label({ for: htmlFor, ...props }, ref) {
  return <label {...props} htmlFor={htmlFor} ref={ref} />;
});
export const Form = passthrough('form');
export const Navigator = passthrough('a');
export const Block = ({ children }: AnyProps) => <>{children}</>;
export const ScrollView = forwardRef<HTMLDivElement, AnyProps>(function ScrollView(
  { scrollY, scrollX, onScrollToLower, refresherEnabled, refresherTriggered, onRefresherRefresh, ...props },
  ref,
) {
  void scrollY;
  void scrollX;
  void onScrollToLower;
  void refresherEnabled;
  void refresherTriggered;
  void onRefresherRefresh;
  return <div {...props} ref={ref} />;
});

/** What WeChat hands a getPhoneNumber button's handler on the next tap (tests set it). */
let phoneNumberDetail: { code?: string; errMsg: string } = { errMsg: 'getPhoneNumber:fail user deny' };
export function setPhoneNumberDetail(detail: { code?: string; errMsg: string }) {
  phoneNumberDetail = detail;
}

export const Button = forwardRef<HTMLButtonElement, AnyProps>(function Button(
  { openType, formType, loading, size, plain, onGetPhoneNumber, onAgreePrivacyAuthorization, ...props },
  ref,
) {
  void openType;
  void loading;
  void size;
  void plain;
  return (
    <button
      type={formType === 'submit' ? 'submit' : 'button'}
      data-open-type={openType}
      {...props}
      onClick={(e) => {
        props.onClick?.(e);
        if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.(e);
        if (openType === 'getPhoneNumber') onGetPhoneNumber?.({ detail: phoneNumberDetail });
      }}
      ref={ref}
    />
  );
});

function valueEvent(value: string) {
  return { detail: { value }, target: { value }, currentTarget: { value } };
}

export const Input = forwardRef<HTMLInputElement, AnyProps>(function Input(
  {
    onInput,
    onConfirm,
    onBlur,
    onFocus,
    password,
    type,
    maxlength,
    placeholderClass,
    confirmType,
    adjustPosition,
    nativeProps,
    ...props
  },
  ref,
) {
  void placeholderClass;
  void confirmType;
  void adjustPosition;
  return (
    <input
      {...props}
      {...nativeProps}
      ref={ref}
      type={
        password
          ? 'password'
          : type === 'digit' || type === 'number' || type === 'idcard'
            ? 'text'
            : (type ?? 'text')
      }
      maxLength={maxlength}
      onChange={(e) => onInput?.(valueEvent(e.target.value))}
      onBlur={(e) => onBlur?.(valueEvent(e.target.value))}
      onFocus={(e) => onFocus?.(valueEvent(e.target.value))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onConfirm?.(valueEvent((e.target as HTMLInputElement).value));
      }}
    />
  );
});

export const Textarea = forwardRef<HTMLTextAreaElement, AnyProps>(function Textarea(
  { onInput, onBlur, maxlength, autoHeight, placeholderClass, nativeProps, ...props },
  ref,
) {
  void autoHeight;
  void placeholderClass;
  return (
    <textarea
      {...props}
      {...nativeProps}
      ref={ref}
      maxLength={maxlength}
      onChange={(e) => onInput?.(valueEvent(e.target.value))}
      onBlur={(e) => onBlur?.(valueEvent(e.target.value))}
    />
  );
});

export const Switch = forwardRef<HTMLInputElement, AnyProps>(function Switch(
  { checked, onChange, color, nativeProps, ...props },
  ref,
) {
  void color;
  return (
    <input
      {...props}
      {...nativeProps}
      ref={ref}
      type="checkbox"
      role="switch"
      checked={!!checked}
      onChange={(e) => onChange?.({ detail: { value: e.target.checked } })}
    />
  );
});

export const Checkbox = forwardRef<HTMLInputElement, AnyProps>(function Checkbox(
  { checked, value, ...props },
  ref,
) {
  return <input {...props} ref={ref} type="checkbox" value={value} checked={!!checked} readOnly />;
});

export const Image = forwardRef<HTMLImageElement, AnyProps>(function Image(
  { mode, lazyLoad, nativeProps, ...props },
  ref,
) {
  void mode;
  void lazyLoad;
  return <img alt="" {...props} {...nativeProps} ref={ref} />;
});

export const Progress = ({ percent, ...props }: AnyProps) => (
  <progress max={100} value={percent} {...props} />
);
export const RichText = passthrough('div');
export const Swiper = passthrough('div');
export const SwiperItem = passthrough('div');
export const CoverView = passthrough('div');
export const CoverImage = Image;
export const Icon = passthrough('i');
/** mode="date": a native date input that answers Taro's `detail.value` (YYYY-MM-DD) */
export const Picker = forwardRef<HTMLDivElement, AnyProps>(function Picker(
  { children, onChange, value, mode, start, end, range, ...props },
  ref,
) {
  void range;
  return (
    <div ref={ref} {...props}>
      {children}
      <input
        type={mode === 'date' ? 'date' : 'text'}
        data-testid={`picker-${props.id ?? mode}`}
        value={value ?? ''}
        min={start}
        max={end}
        onChange={(e) => onChange?.({ detail: { value: e.target.value } })}
      />
    </div>
  );
});
export const PickerView = passthrough('div');
export const PickerViewColumn = passthrough('div');
export const Radio = passthrough('input');
export const RadioGroup = passthrough('div');
export const CheckboxGroup = passthrough('div');
export const Slider = passthrough('input');
export const Canvas = passthrough('canvas');
export const Video = passthrough('video');
export const MovableArea = passthrough('div');
export const MovableView = passthrough('div');
export const RootPortal = ({ children }: AnyProps) => <>{children}</>;
