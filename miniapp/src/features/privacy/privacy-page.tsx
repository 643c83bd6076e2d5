import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/screen';
import { useT, type MessageKey } from '../../i18n';

/** What is collected and why (PIPL purposes and retention): the text the privacy guide declares too. */
const ITEMS: MessageKey[] = [
  'privacyPage.name',
  'privacyPage.phone',
  'privacyPage.address',
  'privacyPage.idNumber',
  'privacyPage.photos',
  'privacyPage.sharing',
  'privacyPage.retention',
  'privacyPage.rights',
];

export function PrivacyPage() {
  const t = useT();
  return (
    <Screen title="title.privacy" testId="page-privacy">
      <View className="wq-page">
        <View className="wq-card">
          <Text className="wq-body">{t('privacyPage.intro')}</Text>
        </View>
        {ITEMS.map((key) => (
          <View key={key} className="wq-card">
            <Text className="wq-body">{t(key)}</Text>
          </View>
        ))}
      </View>
    </Screen>
  );
}
