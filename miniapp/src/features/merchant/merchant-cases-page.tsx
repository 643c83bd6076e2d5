import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { NutButton } from '../../components/nut'
import { useT } from '../../i18n'
import { clearSession, getSession } from '../../lib/session'
import { go, ROUTES } from '../../routes'
import { CaseList } from '../cases/case-list'

export function MerchantCasesPage() {
  const t = useT()
  const session = getSession('merchant')
  useEffect(() => {
    if (!session) void Taro.redirectTo({ url: ROUTES.merchantBind })
  }, [])
  if (!session) return null
  return (
    <View>
      {session.user.merchantName && (
        <View className="wq-merchant-bar">
          <Text className="wq-strong">{t('merchant.boundAs', { name: session.user.merchantName })}</Text>
          <NutButton
            size="small"
            id="merchant-leave"
            onClick={() => {
              clearSession('merchant')
              void Taro.reLaunch({ url: ROUTES.home })
            }}
          >
            {t('merchant.unbind')}
          </NutButton>
        </View>
      )}
      <CaseList role="merchant" title="title.merchantCases" sortByDeadline onOpen={(id) => go(ROUTES.merchantCase, { id })} />
    </View>
  )
}
