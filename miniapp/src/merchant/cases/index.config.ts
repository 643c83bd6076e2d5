export default definePageConfig({ navigationBarTitleText: '商家待办', enablePullDownRefresh: true });
