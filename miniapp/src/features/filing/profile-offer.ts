import type { Profile } from '@weiquan/shared';
import { createStore } from '../../lib/store';
import { readStored, writeStored } from '../../lib/storage';

/**
 * "Save these details to 我的?" is asked once, after a filing whose real-name details differ from
 * the saved profile; a person who says no is not asked again (remembered on the device).
 */
const DECLINED_KEY = 'wq.profileOfferDeclined';

interface Offer {
  /** the profile as the wizard last read it (null: none saved) */
  saved: Profile | null | undefined;
  /** the details the last filing carried */
  filed?: Pick<Profile, 'name' | 'phone' | 'address'>;
}
export const profileOffer = createStore<Offer>({ saved: undefined });

export function rememberProfile(saved: Profile | null): void {
  profileOffer.set((o) => ({ ...o, saved }));
}

export function rememberFiledContact(filed: Offer['filed']): void {
  profileOffer.set((o) => ({ ...o, filed }));
}

/** The details to offer for saving, or undefined when they are saved already or the offer was declined. */
export function contactToOffer(): Offer['filed'] {
  const { saved, filed } = profileOffer.get();
  if (!filed || readStored<boolean>(DECLINED_KEY)) return undefined;
  if (saved && saved.name === filed.name && saved.phone === filed.phone && saved.address === filed.address)
    return undefined;
  return filed;
}

export function declineProfileOffer(): void {
  writeStored(DECLINED_KEY, true);
}

/** A save keeps the ID number already on the profile (the filing does not carry it). */
export function profileWith(filed: NonNullable<Offer['filed']>): Profile {
  const idNumber = profileOffer.get().saved?.idNumber;
  return { ...filed, ...(idNumber ? { idNumber } : {}) };
}
