import type { Language } from './index';

/**
 * Inbox titles come from the BFF in Simplified Chinese (shared/src/notification-rules.ts writes
 * them once for the inbox and WeChat's pushes alike); here are their other two languages, keyed by
 * that title. A title with no entry shows as sent (a test keeps every rule's title covered).
 */
export const NOTICE_TITLES: Record<string, Record<Exclude<Language, 'zh-Hans'>, string>> = {
  商家提出了和解方案: { 'zh-Hant': '商家提出了和解方案', en: 'The merchant made an offer' },
  商家给您留言: { 'zh-Hant': '商家給您留言', en: 'A message from the merchant' },
  工作人员给您留言: { 'zh-Hant': '工作人員給您留言', en: 'A message from 12315 staff' },
  '商家未在期限内处理，已转市场监管部门': {
    'zh-Hant': '商家未在期限內處理，已轉市場監管部門',
    en: 'The merchant missed its deadline; passed to the regulator',
  },
  您的投诉已受理: { 'zh-Hant': '您的投訴已受理', en: 'Your complaint was accepted' },
  您的投诉不予受理: { 'zh-Hant': '您的投訴不予受理', en: 'Your complaint was not accepted' },
  调解已开始: { 'zh-Hant': '調解已開始', en: 'Mediation has started' },
  调解期限暂停计算: { 'zh-Hant': '調解期限暫停計算', en: 'The mediation clock is paused' },
  调解期限恢复计算: { 'zh-Hant': '調解期限恢復計算', en: 'The mediation clock runs again' },
  您的投诉已办结: { 'zh-Hant': '您的投訴已辦結', en: 'Your complaint is closed' },
  举报核查期限已延长: { 'zh-Hant': '舉報核查期限已延長', en: 'The report check was extended' },
  您的举报已立案: { 'zh-Hant': '您的舉報已立案', en: 'A case was opened on your report' },
  您的举报不予立案: { 'zh-Hant': '您的舉報不予立案', en: 'No case was opened on your report' },
  您的咨询已答复: { 'zh-Hant': '您的諮詢已答覆', en: 'Your question was answered' },
  办理期限已按节假日安排重新计算: {
    'zh-Hant': '辦理期限已按節假日安排重新計算',
    en: 'Your deadline was recomputed on the official holidays',
  },
  协商期限已按节假日安排重新计算: {
    'zh-Hant': '協商期限已按節假日安排重新計算',
    en: 'The negotiation deadline was recomputed on the official holidays',
  },
  您的案件有新进展: { 'zh-Hant': '您的案件有新進展', en: 'There is news on your case' },
  您有一件新投诉待协商处理: { 'zh-Hant': '您有一件新投訴待協商處理', en: 'A new complaint to settle' },
  消费者接受了和解方案: { 'zh-Hant': '消費者接受了和解方案', en: 'The consumer accepted your offer' },
  消费者拒绝了和解方案: { 'zh-Hant': '消費者拒絕了和解方案', en: 'The consumer declined your offer' },
  消费者补充了材料: { 'zh-Hant': '消費者補充了材料', en: 'The consumer added material' },
  消费者撤回了投诉: { 'zh-Hant': '消費者撤回了投訴', en: 'The consumer withdrew the complaint' },
  '协商期限已过，投诉转市场监管部门': {
    'zh-Hant': '協商期限已過，投訴轉市場監管部門',
    en: 'Deadline passed; the complaint went to the regulator',
  },
  市场监管部门已受理该投诉: {
    'zh-Hant': '市場監管部門已受理該投訴',
    en: 'The regulator accepted the complaint',
  },
  市场监管部门已开始调解: { 'zh-Hant': '市場監管部門已開始調解', en: 'The regulator started mediation' },
  投诉已办结: { 'zh-Hant': '投訴已辦結', en: 'The complaint is closed' },
  '协商期限即将届满，请尽快处理': {
    'zh-Hant': '協商期限即將屆滿，請盡快處理',
    en: 'Your deadline is near; please respond',
  },
  您有一件新分派的案件: { 'zh-Hant': '您有一件新分派的案件', en: 'A case was assigned to you' },
  您承办的案件被督办: { 'zh-Hant': '您承辦的案件被督辦', en: 'Your case is under supervision' },
  受理期限仅剩1个工作日: { 'zh-Hant': '受理期限僅剩1個工作日', en: 'One working day left to accept' },
  调解已超过45个工作日期限: {
    'zh-Hant': '調解已超過45個工作日期限',
    en: 'Mediation is past 45 working days',
  },
};

export function noticeTitle(lang: Language, title: string): string {
  if (lang === 'zh-Hans') return title;
  return NOTICE_TITLES[title]?.[lang] ?? title;
}
