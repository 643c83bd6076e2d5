import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function faqRoutes({ store }: Services): Binding[] {
  return [bind(API.faq, ({ query }) => store.faq.search(query))];
}
