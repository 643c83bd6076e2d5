import type { ThemeConfig } from 'antd';

/**
 * Ant Design's default blue fails WCAG AA on white for small text (#1677ff: 4.1:1); a darker primary
 * (#0958d9: 6.0:1) and darker secondary text keep every label at 4.5:1 or more.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#c9141b',
    colorWarning: '#ad4e00',
    colorSuccess: '#237804',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', sans-serif",
  },
};
