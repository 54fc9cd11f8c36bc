/** Profile thunks. */
import { normalizeProfile } from '../normalize/profileAndGroup';
import type { ProfileRecord } from '../types';
import { createTimThunk, withSdk } from './create';

/** Loads my own profile (dispatched by the middleware on SDK_READY: no event brings it). */
export const getMyProfile = createTimThunk<ProfileRecord, void>('tim/getMyProfile', (_arg, api) =>
  withSdk(api, async ({ sdk }) => {
    const response = await sdk.getMyProfile();
    return normalizeProfile((response as { data?: unknown })?.data);
  }),
);
