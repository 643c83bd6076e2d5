import { zh } from '../i18n/zh-Hans';

/**
 * "Required" for selects and radio groups: antd's `required` rule puts aria-required on their
 * wrapper div (an ARIA attribute a div may not carry), so these check with a validator instead.
 */
export const chosen = [
  {
    validator: (_: unknown, v: unknown) =>
      v !== undefined && v !== null && v !== ''
        ? Promise.resolve()
        : Promise.reject(new Error(zh.form.required)),
  },
];
export const typed = [{ required: true, whitespace: true, message: zh.form.required }];
