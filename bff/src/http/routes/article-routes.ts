import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function articleRoutes({ store }: Services): Binding[] {
  return [
    bind(API.articles, ({ query }) => store.articles.list(query)),
    bind(API.article, ({ params }) => store.articles.get(params.id)),
    bind(API.publishArticle, ({ caller, body }) => store.articles.publish(caller, body)),
  ];
}
