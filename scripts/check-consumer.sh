#!/usr/bin/env bash
# Packs tim-redux as a clean clone would (no dist/: `prepack` must build it), checks what the tarball
# holds, installs it into fresh projects, and checks that
# - a strict CommonJS and a strict Node ESM (nodenext) consumer type-check the README's "Wire it"
#   snippet and docs/emulator.md's snippets, extracted from the Markdown (scripts/snippets.mjs);
# - both module systems import the package at run time and wire a store;
# - the ESM consumer runs docs/emulator.md's Node script (the real SDK, installNodeGlobals,
#   disposeSdk) and that process exits by itself;
# - the installed `bin` starts the emulator.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dir=$(mktemp -d)
emulator_pid=
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

# 1. The tarball, built by prepack from nothing.
rm -rf dist
npm pack --silent --pack-destination "$dir" >/dev/null
tgz=$(ls "$dir"/tim-redux-*.tgz)
tar -tzf "$tgz" | sort > "$dir/contents.txt"
for f in package/package.json package/README.md package/LICENSE package/CHANGELOG.md \
  package/dist/react/index.js package/dist/react/index.mjs package/dist/react/index.d.ts package/dist/react/index.d.mts \
  package/dist/index.js package/dist/index.mjs package/dist/index.d.ts package/dist/index.d.mts \
  package/dist/emulator/index.js package/dist/emulator/index.mjs package/dist/emulator/index.d.ts \
  package/dist/emulator/index.d.mts package/dist/emulator/cli.js; do
  grep -qx "$f" "$dir/contents.txt" || { echo "the packed tarball lacks $f" >&2; cat "$dir/contents.txt" >&2; exit 1; }
done
head -1 "$(dirname "$0")/../dist/emulator/cli.js" | grep -qx '#!/usr/bin/env node' || { echo "cli.js has no shebang" >&2; exit 1; }

# 2. One install; a CommonJS project at the top, an ESM project (`"type": "module"`) in esm/.
cd "$dir"
npm init -y >/dev/null
version() { node -p "require('$root/node_modules/$1/package.json').version"; }
npm install --no-audit --no-fund --silent "$tgz" "@reduxjs/toolkit@$(version @reduxjs/toolkit)" \
  "tim-js-sdk@$(version tim-js-sdk)" "@tencentcloud/chat@$(version @tencentcloud/chat)" \
  "typescript@$(version typescript)" "@types/node@$(version @types/node)" "jsdom@$(version jsdom)" \
  "react@$(version react)" "react-redux@$(version react-redux)" "@types/react@$(version @types/react)" >/dev/null
mkdir -p cjs esm
echo '{ "type": "commonjs" }' > cjs/package.json
echo '{ "type": "module" }' > esm/package.json
snippets=(wire-it emulator-sdk node-script)
node "$root/scripts/snippets.mjs" write cjs cjs "${snippets[@]}"
node "$root/scripts/snippets.mjs" write esm esm "${snippets[@]}"

cat > cjs/consumer.ts <<'TS'
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

# A React consumer of tim-redux/react, the same file in both module systems.
for kind in cjs esm; do
  cat > "$kind/hooks.tsx" <<'TSX'
import { login } from 'tim-redux';
import { useConversationList, useMessages, useSession, useTimDispatch } from 'tim-redux/react';

export function Chat({ conversationID }: { conversationID: string }) {
  const dispatch = useTimDispatch();
  const session = useSession();
  const { synced, conversations } = useConversationList();
  const { messages, hasMore, loadOlder } = useMessages(conversationID);
  if (session.status === 'idle') void dispatch(login({ userID: 'alice', userSig: 'sig' }));
  return (
    <ul onScroll={() => loadOlder()}>
      {synced && <li>{conversations.length}</li>}
      {hasMore && <li>more</li>}
      {messages.map((m) => (
        <li key={m.ID}>{String(m.payload.text)}</li>
      ))}
    </ul>
  );
}
TSX
done

tsc_strict=(npx tsc --strict --skipLibCheck --target es2022 --module nodenext --moduleResolution nodenext --types node --jsx react-jsx)
# 3. Strict CommonJS and strict ESM consumers type-check the docs' snippets, unchanged.
(cd cjs && "${tsc_strict[@]}" --noEmit consumer.ts wire-it.ts emulator-sdk.ts node-script.ts hooks.tsx)
(cd esm && "${tsc_strict[@]}" --outDir out wire-it.ts emulator-sdk.ts node-script.ts hooks.tsx)

# 4. Run-time imports from both module systems.
node -e "const t = require('tim-redux'); if (typeof t.createTimMiddleware !== 'function' || typeof t.sdkNamespace !== 'function') throw new Error('CJS import'); require('tim-redux/emulator');"
node --input-type=module -e "import { timReducer } from 'tim-redux'; import { startEmulator, installNodeGlobals } from 'tim-redux/emulator'; if (typeof timReducer !== 'function' || typeof startEmulator !== 'function' || typeof installNodeGlobals !== 'function') throw new Error('ESM import');"
node -e "const r = require('tim-redux/react'); if (typeof r.useMessages !== 'function') throw new Error('CJS import of tim-redux/react');"
node --input-type=module -e "import { useConversationList } from 'tim-redux/react'; if (typeof useConversationList !== 'function') throw new Error('ESM import of tim-redux/react');"
# The main entry never imports React (react and react-redux are optional peers, for tim-redux/react only).
if grep -qE "(from|require\\()\s*['\"]react(-redux|-dom)?['\"]" node_modules/tim-redux/dist/index.mjs node_modules/tim-redux/dist/index.js; then
  echo "the main entry imports React" >&2; exit 1
fi
node --input-type=module -e "
import { configureStore } from '@reduxjs/toolkit';
import { timReducer, timDevToolsOptions } from 'tim-redux';
const store = configureStore({ reducer: { tim: timReducer }, devTools: timDevToolsOptions });
if (store.getState().tim.session.status !== 'idle') throw new Error('store');"

# 5. The emulator guide's Node script: the real SDK logs in, sends, disposes, and the process exits by itself.
out=$(cd esm && timeout 60 node out/node-script.js 2>&1) || { echo "node-script did not exit by itself with 0:" >&2; echo "$out" >&2; exit 1; }
echo "$out" | grep -qx '1' || { echo "node-script did not send its message:" >&2; echo "$out" >&2; exit 1; }

# 6. The installed bin starts the emulator.
./node_modules/.bin/tim-emulator --port 0 > bin.log 2>&1 & # the bin as npm linked it; its shebang runs node
emulator_pid=$!
for _ in $(seq 1 100); do
  grep -q 'IM emulator listening on ws://127.0.0.1:' bin.log && break
  kill -0 "$emulator_pid" 2>/dev/null || break
  sleep 0.1
done
grep -q 'IM emulator listening on ws://127.0.0.1:' bin.log || { echo "tim-emulator did not start:" >&2; cat bin.log >&2; exit 1; }
kill "$emulator_pid"
wait "$emulator_pid" 2>/dev/null || true
emulator_pid=

echo "consumer check: packed (prepack build, LICENSE, types), installed, docs' snippets and a tim-redux/react component type-checked as strict CJS and ESM, imported (CJS and ESM), the main entry free of React, the Node script exited by itself, tim-emulator started"
