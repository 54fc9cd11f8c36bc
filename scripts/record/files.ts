/**
 * Where recordings live and their file format: `__tests__/fixtures/recorded/<sdk dir>/<EVENT_KEY>.json`,
 * each `{ sdk, version, event, recordings: [{ scenario, userID, data }] }`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recording } from './recorder';

/** The directory holding one folder per SDK. */
export const RECORDED_DIR = join(__dirname, '..', '..', '__tests__', 'fixtures', 'recorded');

/** The SDKs recorded, by the folder their recordings are in. */
export const SDK_DIRS = { 'tim-js-sdk': 'tim-js-sdk', '@tencentcloud/chat': 'tencentcloud-chat' } as const;

/** One event's recordings file. */
export interface RecordingFile {
  sdk: string;
  version: string;
  /** The key in `TIM.EVENT`, e.g. `MESSAGE_RECEIVED`. */
  event: string;
  recordings: Recording[];
}

/** Every recordings file of one SDK, by event key. */
export function readRecordings(sdk: keyof typeof SDK_DIRS): Map<string, RecordingFile> {
  const dir = join(RECORDED_DIR, SDK_DIRS[sdk]);
  const files = new Map<string, RecordingFile>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as RecordingFile;
    files.set(file.event, file);
  }
  return files;
}
