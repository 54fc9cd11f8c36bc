/**
 * The part of the Tencent IM Web SDK that tim-redux depends on, described structurally so that
 * `tim-js-sdk` 2.x, `tim-wx-sdk` and `@tencentcloud/chat` 3.x instances all fit without importing
 * any of them. Only the methods the binding calls are required; the rest are optional and checked
 * at run time before use.
 */

/** What every SDK promise resolves with: `{ code, data }`. */
export interface TimResponse<T = unknown> {
  /** 0 on success. */
  code?: number;
  /** The call's result. */
  data: T;
}

/** An event as the SDK hands it to a listener. */
export interface TimEvent {
  /** The event's runtime name, e.g. `onMessageReceived`. */
  name?: string;
  /** The event's payload; its shape depends on the event. */
  data?: unknown;
}

/** A listener registered with `sdk.on`. */
export type TimListener = (event: TimEvent) => void;

/**
 * The SDK's `Message` object, as far as the binding reads it. The real one is a class instance
 * with getters and `_`-private fields; it never enters the store (see `normalizeMessage`).
 */
export interface SdkMessage {
  /** Message ID, assigned by the SDK when the message is created. */
  ID: string;
  /** `C2C<userID>`, `GROUP<groupID>` or `@TIM#SYSTEM`. */
  conversationID: string;
}

/** Options of `sdk.getMessageList`. */
export interface GetMessageListOptions {
  /** The conversation to page. */
  conversationID: string;
  /** Cursor returned by the previous page; omit for the newest page. */
  nextReqMessageID?: string;
}

/** What `sdk.getMessageList` resolves with. */
export interface MessageListPage {
  /** Messages of the page, oldest first. */
  messageList: SdkMessage[];
  /** Cursor for the next, older page. */
  nextReqMessageID: string;
  /** True when no older message is left. */
  isCompleted: boolean;
}

/** Options of `sdk.createTextMessage`. */
export interface CreateTextMessageOptions {
  /** Recipient: a userID or groupID. */
  to: string;
  /**
   * `C2C` or `GROUP` (the SDK's `TYPES.CONV_*`). Typed `unknown` because each SDK declares it as
   * its own `TYPES` enum, which fits no common type.
   */
  conversationType: unknown;
  /** Text payload. */
  payload: { text: string };
}

/**
 * The structural SDK interface. Methods use method syntax on purpose: it keeps parameter types
 * bivariant, so each SDK version's own declaration is assignable to it. Results are `unknown`
 * (2.x declares `logout(): Promise<void>`, others `Promise<any>`) and read through `dataOf`.
 */
export interface TimSdk {
  /** Subscribe to an event. */
  on(eventName: string, handler: TimListener, context?: unknown): void;
  /** Unsubscribe a handler given to `on`. */
  off(eventName: string, handler: TimListener, context?: unknown): void;
  /** Log in; resolves when the server accepted the login, before SDK_READY. */
  login(options: { userID: string; userSig: string }): Promise<unknown>;
  /** Log out. */
  logout(): Promise<unknown>;
  /** Send a message made by one of the `create*Message` methods. */
  sendMessage(message: SdkMessage, options?: Record<string, unknown>): Promise<unknown>;
  /** Send a message again after it failed. */
  resendMessage(message: SdkMessage): Promise<unknown>;
  /** Revoke (recall) a sent message. */
  revokeMessage(message: SdkMessage): Promise<unknown>;
  /** Delete messages from the server's history. */
  deleteMessage(messages: SdkMessage[]): Promise<unknown>;
  /** Load one page of history. */
  getMessageList(options: GetMessageListOptions): Promise<unknown>;
  /** Report a conversation as read. */
  setMessageRead(options: { conversationID: string }): Promise<unknown>;
  /**
   * Create a text message (not sent yet). While the SDK is not ready it returns a rejected promise
   * (`{ code, message }`) instead, whatever its `.d.ts` says.
   */
  createTextMessage(options: CreateTextMessageOptions): SdkMessage | PromiseLike<never>;
  /** Own profile. */
  getMyProfile(): Promise<unknown>;
  /** True once the SDK is ready (3.x only). */
  isReady?(): boolean;
}
