import { useEffect } from 'react';
import { ensureConsumer } from '../../features/auth/login';
import { CaseList } from '../../features/cases/case-list';
import { go, ROUTES } from '../../routes';

export default function Page() {
  useEffect(() => void ensureConsumer(), []);
  return (
    <CaseList role="consumer" title="title.cases" tab="cases" onOpen={(id) => go(ROUTES.case, { id })} />
  );
}
