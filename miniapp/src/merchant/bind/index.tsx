import { MerchantBindPage } from '../../features/merchant/bind-page';

export default function Page() {
  return <MerchantBindPage />;
}
