/**
 * English messages for the SDKs' error codes. The SDKs fill an error's `message` from texts they
 * download at runtime from Tencent's web host; with `proxyServer` (private networks, the emulator)
 * or offline they skip it and every message is "", so the binding supplies its own.
 *
 * Codes from the error-code tables of tim-js-sdk 2.27.6 (`tim-js.js`: `ha={NO_SDKAPPID:2e3,
 * NO_ACCOUNT_TYPE:2001,...}`) and @tencentcloud/chat 3.6.6 (`index.js`: `k={NO_SDKAPPID:2e3,...}`,
 * the same codes under shorter names, plus 2118/2119/2454/2687/3000/3153/80xx), and the server codes
 * the SDKs pass through most often.
 */
const SDK_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  // login and session
  2000: 'No SDKAppID was given to create().',
  2001: 'No accountType was given.',
  2002: 'No userID was given to login().',
  2003: 'No userSig was given to login().',
  2022: 'Login failed: the server gave no tinyID.',
  2023: 'Login failed: the server gave no A2 key.',
  2024: 'Not logged in: log in before calling this.',
  2025: 'This user is already logged in on this instance.',
  // uploads
  2040: 'No upload plugin: register tim-upload-plugin (or the COS SDK) before login to send images, files, audio and video.',
  2041: 'The upload signature could not be obtained (pre_sig failed twice).',
  // messages
  2100: 'The message could not be sent.',
  2101: 'Not a member of this live-broadcast group: join it before sending.',
  2105: 'sendMessage needs a message made by a create*Message method.',
  2106: 'Invalid conversation type: use C2C or GROUP.',
  2108: 'The file is empty (0 bytes).',
  2109: 'The onProgress callback threw an error.',
  2110: 'The message could not be recalled.',
  2111: 'The message could not be deleted.',
  2112: 'Marking all messages as read failed.',
  2114: 'The message list for read receipts is empty.',
  2115: 'Send topic messages to the topic, not to the community group.',
  2116: 'Group system notices cannot be deleted.',
  2117: 'Translating the text failed.',
  2118: 'Converting the voice message to text failed.',
  2119: 'Unsupported voice format for speech-to-text.',
  2251: 'Choose an image file first.',
  2252: 'Unsupported image type (use jpg, jpeg, gif, png, bmp or webp).',
  2253: 'The image is too large (the limit is 20 MB).',
  2300: 'The audio upload failed.',
  2301: 'The audio file is too large (the limit is 20 MB).',
  2350: 'The video upload failed.',
  2351: 'The video is too large (the limit is 100 MB).',
  2352: 'Unsupported video type (use mp4 or mov).',
  2400: 'The file upload failed.',
  2401: 'Choose a file first.',
  2402: 'The file is too large (the limit is 100 MB).',
  2403: 'The file URL is empty.',
  2450: 'Not a merged (forwarded-chat) message.',
  2451: 'The merged message has no download key.',
  2452: 'Downloading the merged message failed.',
  2453: 'This message type cannot be forwarded.',
  2454: 'The forwarded message has invalid elements.',
  2480: 'The message was modified by someone else first (modify conflict).',
  2481: 'Messages cannot be modified in live-broadcast groups.',
  // conversations and groups
  2500: 'Conversation not found.',
  2501: 'User or group not found.',
  2502: 'This conversation type is not recorded.',
  2503: 'Invalid conversationID.',
  2600: 'Invalid group type.',
  2601: 'Work groups cannot be joined; ask a member to invite you.',
  2602: 'Invalid groupID.',
  2603: 'Group not found.',
  2620: 'The owner of a live-broadcast group cannot be changed.',
  2621: 'The new owner must be someone else.',
  2622: 'Work groups cannot be dismissed.',
  2623: 'The user is not a member of the group.',
  2660: 'Joining the group failed.',
  2661: 'Members cannot be added to a live-broadcast group.',
  2662: 'Log in before joining a group other than a live-broadcast group.',
  2681: 'Only the group owner can do this.',
  2682: 'Member roles cannot be set in work and live-broadcast groups.',
  2683: 'Invalid member role.',
  2684: 'You cannot set your own member role.',
  2685: 'You cannot mute yourself.',
  2686: 'Invalid mute duration.',
  2687: 'Not supported in live-broadcast groups.',
  // relationships and profiles
  2700: 'Not in your friend list.',
  2701: 'Already in your friend list.',
  2710: 'A friend group with this name already exists.',
  2711: 'The friend group does not exist.',
  2716: 'The friend application does not exist.',
  2721: 'Invalid profile field.',
  2722: 'No profile field to update.',
  2742: 'You cannot add yourself to the blacklist.',
  // network and SDK state
  2800: 'Network error.',
  2801: 'The request timed out.',
  2805: 'No network.',
  2903: 'Uncaught SDK error.',
  2905: 'Invalid operation.',
  2995: 'Invalid TRTC command.',
  2996: 'Called too often: slow down (SDK rate limit).',
  2997: 'The SDK has no protocol for this request.',
  2998: 'This SDK build has no module for this call (tim-js-sdk: use the friendship build for friends).',
  2999: 'The SDK is not ready yet: wait for SDK_READY.',
  3000: 'Login is in progress.',
  3001: 'Login failed.',
  3002: 'Kicked out: logged in on another device of the same kind.',
  3003: 'Kicked out: logged in from another page or instance.',
  3004: 'Kicked out: the userSig expired.',
  3005: 'Logged out.',
  3006: 'Kicked out by the server (REST API).',
  3021: 'Invalid topicID.',
  3122: 'This feature needs a paid plan.',
  3123: 'The content contains blocked words.',
  3153: 'The options are empty.',
  8010: 'Invalid signaling invite ID.',
  8011: 'No permission for this signaling operation.',
  8012: 'The signaling invitation already exists.',
  8020: 'Invalid signaling cancel message.',
  // server codes the SDKs pass through
  1002: 'Kicked out by the server (hello answer).',
  20002: 'The session key expired: log in again.',
  60022: 'The server is overloaded: try again later.',
  70001: 'The userSig expired: get a new one and log in again.',
  70003: 'The userSig is invalid.',
};

/** The English message for an SDK or server code, or undefined when the table has none. */
export function sdkErrorMessage(code: number): string | undefined {
  return SDK_ERROR_MESSAGES[code];
}

/**
 * The message to show for `code`: the SDK's own text when it has one, else the table's, else a
 * generic text naming the code. Never empty.
 */
export function errorMessageFor(code: number, sdkMessage?: unknown): string {
  if (typeof sdkMessage === 'string' && sdkMessage.trim() !== '') return sdkMessage;
  return sdkErrorMessage(code) ?? (code === 9000 ? 'Unknown error.' : `SDK error ${code}.`);
}
