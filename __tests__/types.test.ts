/**
 * Type-level checks of the public API (compiled by `tsc` and ts-jest: a wrong type fails the
 * build, so each `@ts-expect-error` below must stay an error), with the runtime values they rely on.
 */
import type TIMType from 'tim-js-sdk';
import type ChatType from '@tencentcloud/chat';
import {
  createGroup,
  forwardMessage,
  getConversationList,
  getGroupMemberList,
  markConversation,
  setGroupMemberRole,
  selectMessageError,
  sendTextMessage,
  type ConversationType,
  type KickedOutReason,
  type SendTextArgs,
  type TimError,
} from '../src';
import { constants } from './emulator/sdk';

// The SDKs' own TYPES, typed by their .d.ts (loaded quietly: they print a banner when imported).
const TIM = { TYPES: constants('tim-js-sdk').TYPES as unknown as typeof TIMType.TYPES };
const TencentCloudChat = { TYPES: constants('@tencentcloud/chat').TYPES as unknown as typeof ChatType.TYPES };

/** True when A and B are the same type (not merely assignable both ways). */
type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
const is = <T extends true>(): T => true as T;

describe('public types', () => {
  it("conversationType takes 'C2C' / 'GROUP' and both SDKs' TYPES constants, and nothing else", () => {
    const ok: SendTextArgs[] = [
      { to: 'bob', conversationType: 'C2C', text: 'x' },
      { to: 'g', conversationType: 'GROUP', text: 'x' },
      { to: 'bob', conversationType: TIM.TYPES.CONV_C2C, text: 'x' },
      { to: 'g', conversationType: TencentCloudChat.TYPES.CONV_GROUP, text: 'x' },
    ];
    // @ts-expect-error wrong case: the thunk would reject it at runtime
    ok.push({ to: 'bob', conversationType: 'c2c', text: 'x' });
    // @ts-expect-error messages cannot be sent to the system conversation
    ok.push({ to: 'bob', conversationType: TIM.TYPES.CONV_SYSTEM, text: 'x' });
    expect(typeof sendTextMessage).toBe('function');
    expect(typeof forwardMessage).toBe('function');
    expect([TIM.TYPES.CONV_C2C, TIM.TYPES.CONV_GROUP]).toEqual(['C2C', 'GROUP']);
    expect([TencentCloudChat.TYPES.CONV_C2C, TencentCloudChat.TYPES.CONV_GROUP]).toEqual(['C2C', 'GROUP']);
  });

  it("a record's conversationType compares with the SDK constants and keeps its named values", () => {
    const types: ConversationType[] = [TIM.TYPES.CONV_TOPIC, TencentCloudChat.TYPES.CONV_SYSTEM, 'C2C', 'future'];
    is<Equal<ConversationType, string> extends false ? true : false>();
    expect(types).toEqual(['TOPIC', '@TIM#SYSTEM', 'C2C', 'future']);
  });

  it('KickedOutReason keeps its named reasons (it is not just string) and takes the SDK constants', () => {
    is<Equal<KickedOutReason, string> extends false ? true : false>();
    is<'multipleAccount' extends KickedOutReason ? true : false>();
    const reasons: KickedOutReason[] = [
      TIM.TYPES.KICKED_OUT_MULT_ACCOUNT,
      TencentCloudChat.TYPES.KICKED_OUT_MULT_DEVICE,
      TIM.TYPES.KICKED_OUT_USERSIG_EXPIRED,
      TencentCloudChat.TYPES.KICKED_OUT_REST_API,
    ];
    expect(reasons).toEqual(['multipleAccount', 'multipleDevice', 'userSigExpired', 'REST_API_Kick']);
  });

  it('thunks that take other SDK constants (mark types, group types, member roles) take them', () => {
    // Each SDK's TYPES is one enum mixing strings and numbers: its members fit a literal type but
    // not `string` or `number`, so these arguments were refused by the compiler when typed that way.
    const thunks = [
      markConversation({ conversationIDList: ['C2Cbob'], markType: TIM.TYPES.CONV_MARK_TYPE_STAR, enableMark: true }),
      markConversation({ conversationIDList: ['C2Cbob'], markType: 0x10000, enableMark: true }),
      setGroupMemberRole({ groupID: 'g', userID: 'bob', role: TencentCloudChat.TYPES.GRP_MBR_ROLE_ADMIN }),
      createGroup({
        name: 'g',
        type: TIM.TYPES.GRP_WORK,
        memberList: [{ userID: 'bob', role: TIM.TYPES.GRP_MBR_ROLE_MEMBER }],
      }),
      getConversationList({
        type: TencentCloudChat.TYPES.CONV_GROUP,
        markType: TencentCloudChat.TYPES.CONV_MARK_TYPE_FOLD,
      }),
      getGroupMemberList({ groupID: 'g', role: TIM.TYPES.GRP_MBR_ROLE_OWNER }),
    ];
    expect(thunks.every((t) => typeof t === 'function')).toBe(true);
    expect([TIM.TYPES.CONV_MARK_TYPE_STAR, TIM.TYPES.GRP_WORK, TIM.TYPES.GRP_MBR_ROLE_ADMIN]).toEqual([
      1,
      'Private',
      'Admin',
    ]);
  });

  it('selectMessageError is typed as what it returns: an error or undefined', () => {
    is<Equal<ReturnType<typeof selectMessageError>, TimError | undefined>>();
    expect(typeof selectMessageError).toBe('function');
  });
});
