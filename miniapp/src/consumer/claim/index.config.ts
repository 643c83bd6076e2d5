export default definePageConfig({ navigationBarTitleText: '查询电话登记的投诉' });
