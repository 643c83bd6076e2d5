import { REPORT_STATUSES } from '@weiquan/shared';
import { zh } from '../i18n/zh-Hans';
import { CaseListPage } from './case-list-page';

/** 举报: verify, extend, open a case or not (the actions are on each case's page). */
export default function ReportsPage() {
  return (
    <CaseListPage
      title={zh.reports.heading}
      help={zh.reports.help}
      query={{ kind: 'report' }}
      statuses={REPORT_STATUSES}
    />
  );
}
