import { Button, Text, View } from '@tarojs/components';
import { useT } from '../i18n';

/** Says a saved draft was restored and offers to start over. */
export function DraftRestoredNotice({ onDiscard }: { onDiscard: () => void }) {
  const t = useT();
  return (
    <View className="wq-notice" role="status" data-testid="draft-restored">
      <Text>{t('wizard.draftRestored')}</Text>
      <Button className="wq-link-button" onClick={onDiscard}>
        {t('wizard.discard')}
      </Button>
    </View>
  );
}
