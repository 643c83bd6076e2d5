export default defineAppConfig({
  // the main package holds only the first screen (home, login) and the old case address that
  // subscribe messages open; everything else loads as a subpackage (issue 5: main package < 600 KB)
  pages: ['pages/home/index', 'pages/login/index', 'pages/case/index'],
  subPackages: [
    {
      root: 'consumer',
      pages: [
        'file/index',
        'report/index',
        'consult/index',
        'cases/index',
        'case/index',
        'filed/index',
        'inbox/index',
        'me/index',
        'article/index',
        'privacy/index',
        'claim/index',
      ],
    },
    // merchants are few: their pages load only for them
    { root: 'merchant', pages: ['bind/index', 'cases/index', 'case/index'] },
  ],
  // the consumer pages are one tap away from home: fetch them while the person reads it
  preloadRule: { 'pages/home/index': { network: 'all', packages: ['consumer'] } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '维权',
    navigationBarTextStyle: 'black',
  },
  // WeChat: privacy APIs (chooseMedia) are gated by the privacy guide agreement
  __usePrivacyCheck__: true,
});
