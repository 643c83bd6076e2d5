import { useEffect } from 'react';
import { ensureConsumer } from '../../lib/login';
import { CaseList } from '../../components/case-list';
import { go, ROUTES } from '../../routes';

export default function Page() {
  useEffect(() => void ensureConsumer(), []);
  return (
    <CaseList role="consumer" title="title.cases" tab="cases" onOpen={(id) => go(ROUTES.case, { id })} />
  );
}
