import { z } from 'zod';
import { CATEGORY_CODES } from '../categories';
import { isoDateTime } from './common';

/** A hot spot: the last 7 days hold at least this many complaints... */
export const HOTSPOT_MIN_COMPLAINTS = 5;
/** ...and at least this many times the weekly average of the 8 weeks before them. */
export const HOTSPOT_FACTOR = 3;

export const hotspot = z.object({
  merchant: z.object({ id: z.string(), name: z.string() }),
  category: z.enum(CATEGORY_CODES),
  /** complaints against this merchant in this category filed in the last 7 days */
  last7Days: z.number().int(),
  /** complaints per week over the 8 weeks (56 days) before the last 7 days */
  weeklyAverage8Weeks: z.number(),
});
export type Hotspot = z.infer<typeof hotspot>;
/** most complaints in the last 7 days first */
export const hotspotList = z.object({ items: z.array(hotspot), asOf: isoDateTime });
export type HotspotList = z.infer<typeof hotspotList>;
