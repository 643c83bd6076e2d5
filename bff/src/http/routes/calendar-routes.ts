import { API } from '@weiquan/shared';
import { bind, type Binding } from '../route-adapter';
import type { Services } from '../../services';

export function calendarRoutes({ calendar }: Services): Binding[] {
  return [
    bind(API.calendar, () => calendar.read()),
    bind(API.saveCalendarYear, ({ caller, params, query, body }) =>
      calendar.save(caller.id, params.year, body, query.dryRun ?? false),
    ),
  ];
}
