#!/usr/bin/env bash
# Packs tim-redux, installs the tarball into a fresh project, and checks that a consumer can import
# it (CJS and ESM), wire a store, and type-check against the published declarations.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
npm run build --silent
tgz="$root/$(npm pack --silent | tail -n 1)"
dir=$(mktemp -d)
trap 'rm -rf "$dir" "$tgz"' EXIT
cd "$dir"
npm init -y >/dev/null
rtk=$(node -p "require('$root/node_modules/@reduxjs/toolkit/package.json').version")
sdk=$(node -p "require('$root/node_modules/tim-js-sdk/package.json').version")
ts=$(node -p "require('$root/node_modules/typescript/package.json').version")
npm install --no-audit --no-fund --silent "$tgz" "@reduxjs/toolkit@$rtk" "tim-js-sdk@$sdk" "typescript@$ts" >/dev/null
cat > consumer.ts <<'TS'
import { configureStore } from '@reduxjs/toolkit';
import TIM from 'tim-js-sdk';
import { createTimMiddleware, login, selectConversationList, timReducer, type ConversationRecord } from 'tim-redux';
import { startEmulator } from 'tim-redux/emulator';

export async function main(): Promise<readonly ConversationRecord[]> {
  const emulator = await startEmulator({ port: 0 });
  const tim = TIM.create({ SDKAppID: 1 });
  const store = configureStore({
    reducer: { tim: timReducer },
    middleware: (getDefault) => getDefault().concat(createTimMiddleware(tim, { events: TIM.EVENT })),
  });
  const result = await store.dispatch(login({ userID: 'alice', userSig: 'sig' }));
  if (login.rejected.match(result)) console.log(result.payload?.code);
  await emulator.stop();
  return selectConversationList(store.getState());
}
TS
npx tsc --noEmit --strict --esModuleInterop --skipLibCheck --module nodenext --moduleResolution nodenext consumer.ts
node -e "const t = require('tim-redux'); if (typeof t.createTimMiddleware !== 'function') throw new Error('CJS import'); require('tim-redux/emulator');"
node --input-type=module -e "import { timReducer } from 'tim-redux'; import { startEmulator } from 'tim-redux/emulator'; if (typeof timReducer !== 'function' || typeof startEmulator !== 'function') throw new Error('ESM import');"
node --input-type=module -e "
import { configureStore } from '@reduxjs/toolkit';
import { timReducer } from 'tim-redux';
const store = configureStore({ reducer: { tim: timReducer } });
if (store.getState().tim.session.status !== 'idle') throw new Error('store');"
echo "consumer check: packed, installed, imported (CJS and ESM), wired and type-checked"
