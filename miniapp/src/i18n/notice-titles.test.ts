import { NOTIFICATION_RULES } from '@weiquan/shared';
import { NOTICE_TITLES, noticeTitle } from './notice-titles';

describe('inbox titles in every language', () => {
  it('when a notification rule has a title, then Traditional Chinese and English have it too', () => {
    const missing = NOTIFICATION_RULES.map((r) => r.title).filter((title) => !NOTICE_TITLES[title]);
    expect(missing).toEqual([]);
  });

  it('when the language is English, then a known title is translated and an unknown one shown as sent', () => {
    expect(noticeTitle('en', '您有一件新投诉待协商处理')).toBe('A new complaint to settle');
    expect(noticeTitle('zh-Hant', '消费者拒绝了和解方案')).toBe('消費者拒絕了和解方案');
    expect(noticeTitle('en', '新的标题')).toBe('新的标题');
  });
});
