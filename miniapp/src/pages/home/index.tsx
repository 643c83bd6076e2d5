import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
const ERROR_STATUS = { NOT_FOUND: 404 }

export default function Home() {
  return (
    <View>
      <Text>我要投诉 {ERROR_STATUS.NOT_FOUND}</Text>
      <Button type="primary">我的投诉</Button>
    </View>
  )
}
