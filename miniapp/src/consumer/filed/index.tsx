import { FiledPage } from '../../features/filing/filed-page';

export default function Page() {
  return <FiledPage />;
}
