import { MePage } from '../../features/me/me-page';

export default function Page() {
  return <MePage />;
}
