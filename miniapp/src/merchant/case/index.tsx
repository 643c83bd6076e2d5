import { MerchantCasePage } from '../../features/merchant/merchant-case-page';

export default function Page() {
  return <MerchantCasePage />;
}
