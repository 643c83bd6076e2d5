import { ConsultPage } from '../../features/consult/consult-page';

export default function Page() {
  return <ConsultPage />;
}
