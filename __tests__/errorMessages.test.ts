/**
 * SDK errors under `proxyServer` carry empty messages (the SDKs download their texts from Tencent's
 * host and skip it there): every code that reaches a rejected thunk or state gets an English message.
 */
import { toTimError } from '../src';
import { errorMessageFor, sdkErrorMessage } from '../src/errorMessages';
import { EVENT_TABLE } from '../src/eventTable';

describe('English messages for SDK error codes', () => {
  it('fills an empty SDK message from the code, keeping the code', () => {
    expect(toTimError({ code: 2400, message: '' })).toEqual({ code: 2400, message: 'The file upload failed.' });
    expect(toTimError({ code: '2253', message: '' })).toEqual({
      code: 2253,
      message: 'The image is too large (the limit is 20 MB).',
    });
    expect(toTimError({ code: 70001 })).toEqual({
      code: 70001,
      message: 'The userSig expired: get a new one and log in again.',
    });
  });

  it("keeps the SDK's own text when it has one", () => {
    expect(toTimError({ code: 2400, message: '文件上传失败' })).toEqual({ code: 2400, message: '文件上传失败' });
  });

  it('names the code when the table has none, and never gives an empty message', () => {
    expect(toTimError({ code: 12345, message: '' })).toEqual({ code: 12345, message: 'SDK error 12345.' });
    expect(toTimError(new Error(''))).toEqual({ code: 9000, message: 'Unknown error.' });
    expect(toTimError({})).toEqual({ code: 9000, message: 'Unknown error.' });
    expect(errorMessageFor(2040)).toMatch(/tim-upload-plugin/);
  });

  it('covers every upload and media code of both SDKs', () => {
    for (const code of [2040, 2041, 2108, 2251, 2252, 2253, 2300, 2301, 2350, 2351, 2352, 2400, 2401, 2402, 2403]) {
      expect(sdkErrorMessage(code)).toMatch(/\w/);
    }
  });

  it('the ERROR event with an empty message lands in state with the English text', () => {
    const result = (EVENT_TABLE.ERROR as unknown as (d: unknown, ctx: unknown) => unknown)(
      { code: 2801, message: '' },
      undefined,
    );
    expect(JSON.stringify(result)).toContain('The request timed out.');
  });
});
