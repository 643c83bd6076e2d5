import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function hotspotRoutes({ store }: Services): Binding[] {
  return [bind(API.hotspots, () => store.hotspots.list())];
}
