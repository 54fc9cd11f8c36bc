/**
 * Rich-media sends with upload progress in the store: `sendMediaMessage` creates and sends an image,
 * file, audio or video message; `uploadProgress` serves apps that create the message themselves.
 */
import type { ThunkDispatch, UnknownAction } from '@reduxjs/toolkit';
import { messageProgress } from '../actions';
import { errorMessageFor } from '../errorMessages';
import { TimReduxError } from '../errors';
import { isObject } from '../normalize/plain';
import type { SdkMessage } from '../sdk';
import type { MessageRecord, RootStateWithTim, SendConversationType } from '../types';
import { invoke, isId, requireId } from './call';
import { createTimThunk, requireArg, withSdk } from './create';
import { sendMessage } from './messages';

type TimDispatch = ThunkDispatch<RootStateWithTim, unknown, UnknownAction>;

/** Upload progress for a message you create yourself: give `onProgress` to `create*Message`, then `track` the message. */
export interface UploadProgress {
  /** Pass as the `onProgress` option of `createImageMessage` / `createFileMessage` / ... (0..1). */
  onProgress: (percent: number) => void;
  /** Binds the progress to the message the SDK created; call it before `sendMessage`. */
  track: (message: SdkMessage) => void;
}

/**
 * An `onProgress` that lands in the store: each call dispatches `messageProgress`, so the
 * message's `progress` (0..1) goes up while it is `unSend`, for a progress bar.
 */
export function uploadProgress(dispatch: (action: UnknownAction) => unknown): UploadProgress {
  let messageID = '';
  let conversationID = '';
  return {
    onProgress(percent) {
      if (!messageID || typeof percent !== 'number' || !Number.isFinite(percent)) return;
      dispatch(messageProgress({ conversationID, messageID, progress: Math.min(1, Math.max(0, percent)) }));
    },
    track(message) {
      if (isObject(message) && isId(message.ID) && isId(message.conversationID)) {
        messageID = message.ID;
        conversationID = message.conversationID;
      }
    },
  };
}

/** Arguments of `sendMediaMessage`. */
export interface SendMediaArgs {
  /** Which `create*Message` to use. */
  kind: 'image' | 'file' | 'audio' | 'video';
  /** userID or groupID. */
  to: string;
  /** `C2C` or `GROUP`. */
  conversationType: SendConversationType;
  /** The file: a `File`, or an `<input type="file">` element (SDK rules). */
  file: unknown;
  /** Other message options (`needReadReceipt`, `cloudCustomData`, `priority`, ...). */
  options?: Record<string, unknown>;
}

const CREATORS = {
  image: 'createImageMessage',
  file: 'createFileMessage',
  audio: 'createAudioMessage',
  video: 'createVideoMessage',
} as const;

/** The SDKs' code for an empty file (2.27.6 tim-js.js `MESSAGE_FILE_IS_EMPTY:2108`; 3.6.6 `MSG_F_IS_EMPTY:2108`). */
const FILE_IS_EMPTY = 2108;

/**
 * The byte size of what `payload.file` holds, when it can be told: a File/Blob, an
 * `<input type="file">` (its first file), or a mini-program `chooseImage`/`chooseMedia` result
 * (`tempFiles[0].size`) or `chooseMessageFile`/recorder result (`size`/`fileSize`).
 */
function fileSize(file: Record<string, unknown>): number | undefined {
  const files = file.files ?? file.tempFiles;
  const first: unknown =
    files !== null && typeof files === 'object' && 'length' in files ? (files as ArrayLike<unknown>)[0] : file;
  if (!isObject(first)) return undefined;
  const size = first.size ?? first.fileSize;
  return typeof size === 'number' ? size : undefined;
}

/** True for an `<input type="file">`-like object (or picker result) whose file list is empty. */
function hasNoFile(file: Record<string, unknown>): boolean {
  const files = file.files ?? file.tempFiles;
  return files !== null && typeof files === 'object' && 'length' in files && (files as ArrayLike<unknown>).length === 0;
}

const pendingMedia = new Map<number, { file: unknown; options: unknown }>();
let nextMedia = 0;

const sendMediaThunk = createTimThunk<
  MessageRecord,
  { kind: SendMediaArgs['kind']; to: string; conversationType: string; call: number }
>('tim/sendMediaMessage', (args, api) => {
  const extra = pendingMedia.get(args?.call) ?? { file: undefined, options: undefined };
  pendingMedia.delete(args?.call);
  return withSdk(api, async ({ sdk, registry }) => {
    requireArg(
      typeof args.kind === 'string' && Object.prototype.hasOwnProperty.call(CREATORS, args.kind),
      'kind must be image, file, audio or video',
    );
    requireId(args.to, 'sendMediaMessage needs a recipient (to)');
    requireArg(
      args.conversationType === 'C2C' || args.conversationType === 'GROUP',
      'conversationType must be C2C or GROUP',
    );
    requireArg(isObject(extra.file), 'sendMediaMessage needs a file (a File or an <input type="file">)');
    requireArg(!hasNoFile(extra.file), 'sendMediaMessage: no file was chosen (the file list is empty)');
    // The SDKs fail an empty image, file or audio with 2108 at send, but send an empty video
    // (2.27.6 createVideoMessage: `size:i.files[0].size||1`); no message is made for an empty file.
    if (fileSize(extra.file) === 0) throw new TimReduxError(FILE_IS_EMPTY, errorMessageFor(FILE_IS_EMPTY));
    requireArg(extra.options === undefined || isObject(extra.options), 'sendMediaMessage: options must be an object');
    const progress = uploadProgress(api.dispatch);
    const message = (await invoke(sdk, CREATORS[args.kind], {
      ...(extra.options as Record<string, unknown> | undefined),
      to: args.to,
      conversationType: args.conversationType,
      payload: { file: extra.file },
      onProgress: progress.onProgress,
    })) as SdkMessage;
    requireArg(isObject(message) && isId(message.ID), 'the SDK did not create a message');
    progress.track(message);
    registry.add(message);
    const sent = await api.dispatch(sendMessage(message));
    if (sendMessage.rejected.match(sent)) throw sent.payload ?? sent.error;
    return sent.payload as MessageRecord;
  });
});

/**
 * Creates an image, file, audio or video message and sends it like `sendMessage`: it appears
 * `unSend` with its upload `progress` (0..1) rising on the record, then becomes `success` or
 * `fail`. The file and options never enter an action. `sendMediaMessage.fulfilled` etc. match its
 * actions; the send itself also dispatches `sendMessage.*`.
 */
export const sendMediaMessage = Object.assign(
  (args: SendMediaArgs) => (dispatch: TimDispatch) => {
    const call = ++nextMedia;
    const a = isObject(args) ? args : ({} as Partial<SendMediaArgs>);
    pendingMedia.set(call, { file: a.file, options: a.options });
    return dispatch(
      sendMediaThunk({
        kind: a.kind as SendMediaArgs['kind'],
        to: a.to as string,
        conversationType: a.conversationType as string,
        call,
      }),
    );
  },
  {
    pending: sendMediaThunk.pending,
    fulfilled: sendMediaThunk.fulfilled,
    rejected: sendMediaThunk.rejected,
    typePrefix: sendMediaThunk.typePrefix,
  },
);
