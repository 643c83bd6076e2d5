import { CaseDetailPage } from '../../features/cases/case-detail';

export default function Page() {
  return <CaseDetailPage />;
}
