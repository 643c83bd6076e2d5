import { ClaimPage } from '../../features/claim/claim-page';

export default function Page() {
  return <ClaimPage />;
}
