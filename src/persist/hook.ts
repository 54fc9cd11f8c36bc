/**
 * How the middleware reaches the persistence engine without importing it: `createTimPersistence`
 * puts the engine behind a symbol on the object it returns, so that an app that never calls it does
 * not bundle it (about 3 kB brotli of the core).
 */
import type { Dispatch, MiddlewareAPI, UnknownAction } from '@reduxjs/toolkit';
import { TIM_REDUX_ERROR, TimReduxError } from '../errors';
import type { ConversationListNormalizer } from '../normalize/conversation';
import type { TimSdk } from '../sdk';
import type { EventError, RootStateWithTim } from '../types';
import type { TimPersistOptions } from './persist';

/** The key of the engine on a `TimPersistence`. */
export const ATTACH = Symbol('tim-redux persistence');

/** Persistence turned on by `createTimPersistence`: give it to `createTimMiddleware(tim, { persist })`. */
export interface TimPersistence {
  /** The options it was made with. */
  readonly options: Readonly<TimPersistOptions>;
}

type Api = MiddlewareAPI<Dispatch<UnknownAction>, RootStateWithTim>;

/** What the middleware gives the engine. */
export interface PersistAttachHost {
  sdk: TimSdk;
  conversations: ConversationListNormalizer;
  /** The session's epoch (bumped at every reset). */
  epoch(): number;
  /** False once the middleware was closed. */
  isOpen(): boolean;
  /** The SDK's SDKAppID when it says (custom SDKs); the bundled ones do not. */
  sdkAppID(): string | null;
  onError?: (error: EventError) => void;
}

/** What the middleware calls. */
export interface PersistBinding {
  /** After `next(action)`; `before` is the state before it. Never throws. */
  afterAction(api: Api, action: UnknownAction, before: RootStateWithTim): void;
  /** Writes a due save, then stops timers and listeners (the middleware was closed). */
  close(): void;
}

/** A `TimPersistence` with its engine. */
export type AttachablePersistence = TimPersistence & { [ATTACH]: (host: PersistAttachHost) => PersistBinding };

/** Starts the engine of `persist` for one middleware; a `persist` not made by `createTimPersistence` is refused. */
export function attachPersistence(persist: TimPersistence, host: PersistAttachHost): PersistBinding {
  const attach = (persist as Partial<AttachablePersistence> | null)?.[ATTACH];
  if (typeof attach !== 'function') {
    throw new TimReduxError(
      TIM_REDUX_ERROR.INVALID_ARGUMENT,
      'tim-redux: `persist` must be made by createTimPersistence({ storage, ... }) (docs/persistence.md).',
    );
  }
  return attach(host);
}
