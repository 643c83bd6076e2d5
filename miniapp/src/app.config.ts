export default defineAppConfig({
  pages: ['pages/home/index', 'pages/login/index', 'pages/file/index', 'pages/cases/index', 'pages/case/index', 'pages/inbox/index', 'pages/me/index'],
  // merchants are few: their pages load as a subpackage, keeping the consumers' main package small
  subPackages: [{ root: 'merchant', pages: ['bind/index', 'cases/index', 'case/index'] }],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '维权',
    navigationBarTextStyle: 'black',
  },
  // WeChat: privacy APIs (chooseMedia) are gated by the privacy guide agreement
  __usePrivacyCheck__: true,
})
