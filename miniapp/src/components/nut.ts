/**
 * The NutUI components the app uses, each with its own stylesheet: importing NutUI's whole
 * style.css would add ~236 KB to the WeChat package, and its barrel pulls in every component.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/badge/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/rate/style/css';

export { default as NutButton } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as NutBadge } from '@nutui/nutui-react-taro/dist/es/packages/badge';
export { default as NutTag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
export { default as NutProgress } from '@nutui/nutui-react-taro/dist/es/packages/progress';
export { default as NutRate } from '@nutui/nutui-react-taro/dist/es/packages/rate';
