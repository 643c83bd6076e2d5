import { Text } from '@tarojs/components';
import type { Remote } from '../hooks/use-remote';
import { useT } from '../i18n';
import { ErrorText } from './field';

/** A loaded page's status: the load's error, and a loading line while nothing has come yet. */
export function RemoteStatus({ remote }: { remote: Pick<Remote<unknown>, 'data' | 'error' | 'loading'> }) {
  const t = useT();
  return (
    <>
      <ErrorText message={remote.error} />
      {!remote.data && remote.loading && <Text className="wq-muted">{t('common.loading')}</Text>}
    </>
  );
}
