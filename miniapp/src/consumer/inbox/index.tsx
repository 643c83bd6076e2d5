import { InboxPage } from '../../features/inbox/inbox-page';

export default function Page() {
  return <InboxPage />;
}
