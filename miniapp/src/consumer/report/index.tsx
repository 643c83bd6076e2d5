import { ReportWizard } from '../../features/report/report-wizard';

export default function Page() {
  return <ReportWizard />;
}
