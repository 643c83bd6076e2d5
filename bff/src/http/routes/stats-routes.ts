import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function statsRoutes({ store }: Services): Binding[] {
  return [bind(API.stats, ({ query }) => store.stats.figures(query))];
}
