/** The working-day calendar as operator data (issue 15): anyone reads it, admins enter a year. */
import type { ApiRoute } from '../api-route';
import * as s from '../schemas';

export const CALENDAR_ROUTES = {
  calendar: {
    method: 'get',
    path: '/calendar',
    summary: 'The official holiday arrangement of every year known, and the last year covered',
    roles: 'public',
    answer: { status: 200, schema: s.calendarAnswer },
    tags: ['meta'],
  },
  saveCalendarYear: {
    method: 'put',
    path: '/staff/calendar/{year}',
    summary:
      "Enter a year's official arrangement (the State Council's notice); every open deadline reaching into it is recomputed. dryRun=true: count the deadlines that would move, save nothing",
    roles: ['staff'],
    staffRoles: ['admin'],
    params: s.calendarYearParams,
    query: s.calendarYearQuery,
    body: s.saveCalendarYearBody,
    answer: { status: 200, schema: s.savedCalendarYear },
    tags: ['staff'],
  },
} as const satisfies Record<string, ApiRoute>;
