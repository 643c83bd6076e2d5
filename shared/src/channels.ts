/**
 * 一号对外: every channel lands in the one store. Consumers file in the mini-program; staff file for
 * a caller who reached the centre by phone (12315 hotline), e-mail, letter or in person.
 */
export const CHANNELS = ['miniprogram', 'phone', 'email', 'letter', 'walk_in'] as const;
export type Channel = (typeof CHANNELS)[number];
export const STAFF_CHANNELS = ['phone', 'email', 'letter', 'walk_in'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** Order 121 回访 results; the first two count as satisfied, `unreachable` is not a reached visit. */
export const VISIT_RESULTS = ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];
export const SATISFIED_VISIT_RESULTS: readonly VisitResult[] = ['satisfied', 'basically_satisfied'];
/** awaitingVisit: complaints that ended within this many days and have no visit yet */
export const VISIT_WINDOW_DAYS = 30;
/** due=soon: the soonest running deadline falls within this many working days, today included */
export const DUE_SOON_WORKING_DAYS = 2;
