import { MerchantCasesPage } from '../../features/merchant/merchant-cases-page';

export default function Page() {
  return <MerchantCasesPage />;
}
