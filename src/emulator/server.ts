/**
 * `startEmulator`: wires the transport, the store, the command router and the control API together.
 */
import { resolveOptions, type EmulatorCore, type EmulatorOptions } from './context';
import { createControl, type EmulatorControl } from './control';
import { c2cCommands } from './handlers/c2c';
import { conversationCommands } from './handlers/conversation';
import { followCommands } from './handlers/follow';
import { friendGroupCommands } from './handlers/friendGroups';
import { friendCommands } from './handlers/friends';
import { conversationGroupCommands } from './handlers/conversationGroups';
import { conversationMarkCommands } from './handlers/conversationMarks';
import { conversationSettingsCommands } from './handlers/conversationSettings';
import { groupCommands } from './handlers/group';
import { extensionCommands } from './handlers/extensions';
import { modifyCommands } from './handlers/modify';
import { groupMemberCommands } from './handlers/groupMembers';
import { groupApplicationCommands } from './handlers/groupApplications';
import { groupAttributeCommands } from './handlers/groupAttributes';
import { groupCounterCommands } from './handlers/groupCounters';
import { groupPinCommands } from './handlers/groupPins';
import { communityCommands } from './handlers/topics';
import { profileCommands } from './handlers/profile';
import { reactionCommands } from './handlers/reactions';
import { receiptCommands } from './handlers/receipts';
import { receiveOptCommands } from './handlers/receiveOpt';
import { sessionCommands } from './handlers/session';
import { uploadCommands } from './handlers/upload';
import { userStatusCommands } from './handlers/userStatus';
import { Pusher } from './push';
import { Router } from './router';
import { Store } from './store';
import { startTransport, type Connection } from './transport';
import { createUploadControl, UploadStore, type UploadControl } from './uploads';
import { TAG } from './wire';

/** A running emulator: where it listens, how to stop it, and the control API. */
export interface Emulator extends EmulatorControl, UploadControl {
  /** `ws://127.0.0.1:<port>`: pass it to the SDK as `proxyServer`. */
  url: string;
  /** `http://127.0.0.1:<port>`: where uploads go and files are served (the same port). */
  httpUrl: string;
  port: number;
  /** Closes every socket and the server; pending waits reject. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts an in-memory IM server on 127.0.0.1 that the real Web SDK logs in to through `proxyServer`. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const connections = new Set<Connection>();
  const store = new Store();
  const core: EmulatorCore = {
    store,
    push: new Pusher(connections),
    options: resolved,
    connections,
    a2Keys: new Map(),
    expiredSigs: new Set(),
    userSigs: new Map(),
  };
  for (const user of options.users ?? []) {
    const state = store.user(user.userID);
    if (user.nick !== undefined) state.profile[TAG.nick] = user.nick;
    if (user.avatar !== undefined) state.profile[TAG.avatar] = user.avatar;
  }
  const router = new Router(core);
  for (const table of [
    sessionCommands,
    profileCommands,
    c2cCommands,
    conversationCommands,
    groupCommands,
    friendCommands,
    friendGroupCommands,
    followCommands,
    userStatusCommands,
    receiveOptCommands,
    receiptCommands,
    reactionCommands,
    modifyCommands,
    extensionCommands,
    conversationSettingsCommands,
    conversationMarkCommands,
    conversationGroupCommands,
    groupMemberCommands,
    groupPinCommands,
    groupAttributeCommands,
    groupCounterCommands,
    groupApplicationCommands,
    communityCommands({
      ...groupCommands,
      ...groupMemberCommands,
      ...groupPinCommands,
      ...groupAttributeCommands,
      ...groupCounterCommands,
    }),
  ]) {
    router.register(table);
  }
  const uploads = new UploadStore();
  router.register(uploadCommands(uploads));
  const transport = await startTransport(resolved.port, {
    onOpen: (conn) => {
      connections.add(conn);
      resolved.log?.(`++ #${conn.id} ${conn.query.toString()}`);
    },
    onFrame: (conn, frame) => router.dispatch(conn, frame),
    onClose: (conn) => {
      connections.delete(conn);
      resolved.log?.(`-- #${conn.id}`);
    },
    onHttp: (req, res) => uploads.handle(req, res),
  });
  uploads.baseUrl = `http://127.0.0.1:${transport.port}`;
  const pendingWaits = new Set<() => void>();
  let stopped: Promise<void> | undefined;
  return {
    ...createControl(core, router, pendingWaits),
    ...createUploadControl(uploads),
    url: `ws://127.0.0.1:${transport.port}`,
    httpUrl: uploads.baseUrl,
    port: transport.port,
    stop: () => {
      stopped ??= (async () => {
        router.stop();
        uploads.stop();
        for (const cancel of [...pendingWaits]) cancel();
        await transport.close();
        connections.clear();
      })();
      return stopped;
    },
  };
}
