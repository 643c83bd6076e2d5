/**
 * The NutUI components the app uses, each with its own stylesheet: importing NutUI's whole
 * style.css would add ~236 KB to the WeChat package, and its barrel pulls in every component.
 * Only what the first screens draw is here (the WeChat main package and the H5 first load carry
 * this file); the code of the consumer pages' progress bar and stars is in ./nut-progress-rate.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/badge/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
// the styles of ./nut-progress-rate stay here: Taro would @import a subpackage's stylesheet from the
// main package's app.wxss, a reference WeChat does not resolve before the subpackage loads
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/rate/style/css';

export { default as NutButton } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as NutBadge } from '@nutui/nutui-react-taro/dist/es/packages/badge';
export { default as NutTag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
