/** The purchased-feature bits the emulator hands the SDKs (`fetch_imsdk_purchase_bitsv2`). */

/** A 64-character '0'/'1' string with the given bits set, bit 0 last (the SDKs' `parsePurchaseBits`). */
export function purchaseBitsOf(bits: readonly number[]): string {
  return bits.reduce((s, n) => {
    const i = s.length - 1 - n;
    return `${s.slice(0, i)}1${s.slice(i + 1)}`;
  }, '0'.repeat(64));
}

/**
 * The purchased features the SDKs read from `str_purchase_bits`: a string of 0/1, bit N counted from
 * the right (3.6.6 index.js and 2.27.6 tim-js.js `PurchasedFeatureHandler.parsePurchaseBits`). Bit 7
 * is USER_STATUS (both SDKs reject getUserStatus/subscribeUserStatus without it) and bit 52 is FOLLOW
 * (3.x `FollowModule.followUser` ... `canIUse(FOLLOW)`, `new ee(Math.pow(2,20))` = high word bit 20).
 * Bits 9 CONV_MARK and 10 CONV_GROUP: without them both SDKs refuse `markConversation` and the
 * conversation-group calls (`canIUse`, CANNOT_USE_COMMERCIAL_ABILITY).
 * Bit 13 is MSG_EXT (both SDKs: setMessageExtensions ... `canIUse(MSG_EXT)`) and bit 48 is
 * MSG_REACTION (3.x addMessageReaction ... `canIUse(MSG_REACTION)`, `new ee(Math.pow(2,16))`).
 */
export const PURCHASE_BITS = purchaseBitsOf([7, 9, 10, 13, 48, 52]);

/**
 * The default bits plus group counters (`GRP_COUNTER`, bit 15), which the emulator grants only when
 * asked (`startEmulator({ purchaseBits: GROUP_COUNTER_PURCHASE_BITS })`), so the refusal stays testable.
 */
export const GROUP_COUNTER_PURCHASE_BITS = purchaseBitsOf([7, 9, 10, 13, 15, 48, 52]);
