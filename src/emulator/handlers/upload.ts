/**
 * Upload signatures: `im_cos_msg.pre_sig` (the upload-plugin path both SDKs take under `proxyServer`)
 * and `im_cos_msg.video_cover`. The URLs point at the emulator's own HTTP side (`../uploads.ts`).
 */
import type { CommandContext, CommandTable } from '../context';
import { num, str, type JsonObject } from '../json';
import { nowSeconds } from '../store';
import { UPLOAD_FILE_TYPE, type UploadStore } from '../uploads';

/**
 * `pre_sig`: request `{file_type, file_name, upload_method, Duration}` (2.27.6 tim-js.js configMap
 * entry for `pre_sig`: keyMap fileType→file_type, fileName→file_name, uploadMethod→upload_method).
 * The reply's `upload_url` is the PUT/POST target and `download_url` the message URL (read in
 * `_createCosOptionsPreSigUrl`); `snapshot_url` makes the SDK ask `video_cover` whatever the file type
 * (`_uploadWithPreSigUrl`: `u&&m.push(t._getSnapshotInfoByUrl(u,d))`), so it is sent for videos only.
 */
function preSig(uploads: UploadStore, ctx: CommandContext): JsonObject {
  const fileType = num(ctx.body.file_type, UPLOAD_FILE_TYPE.file);
  const duration = num(ctx.body.Duration, 900);
  const { uploadUrl, downloadUrl, key } = uploads.slot(fileType, str(ctx.body.file_name, 'file'), ctx.userID);
  const reply: JsonObject = {
    upload_url: uploadUrl,
    download_url: downloadUrl,
    head_url: downloadUrl,
    expired_time: nowSeconds() + duration,
    request_id: `emulator-${key}`,
  };
  if (fileType === UPLOAD_FILE_TYPE.video) reply.snapshot_url = `${downloadUrl}?snapshot=1`;
  return reply;
}

/**
 * `video_cover`: request `{version, platform, cover_name, snapshot_url}`, reply
 * `{error_code, error_msg, download_url}` (2.27.6 configMap entry for `video_cover`: download_url→snapshotUrl,
 * loaded with `new Image()` in `_getSnapshotInfoByUrl`). The emulator cannot decode video, so every
 * cover is the same small PNG.
 */
function videoCover(uploads: UploadStore, ctx: CommandContext): JsonObject {
  return { error_code: 0, error_msg: '', download_url: uploads.cover(str(ctx.body.cover_name, 'cover'), ctx.userID) };
}

/** The upload commands, bound to one emulator's file storage. */
export function uploadCommands(uploads: UploadStore): CommandTable {
  return {
    'im_cos_msg.pre_sig': { handle: (ctx) => preSig(uploads, ctx) },
    'im_cos_msg.video_cover': { handle: (ctx) => videoCover(uploads, ctx) },
  };
}
