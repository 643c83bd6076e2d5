import { PrivacyPage } from '../../features/privacy/privacy-page';

export default function Page() {
  return <PrivacyPage />;
}
