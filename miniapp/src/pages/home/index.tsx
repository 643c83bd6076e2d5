import { HomePage } from '../../features/home/home';

export default function Page() {
  return <HomePage />;
}
