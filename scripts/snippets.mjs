#!/usr/bin/env node
// The TypeScript code blocks of README.md and docs/*.md, extracted so that they are type-checked
// as written (never copied by hand into a test).
//
// Conventions in the Markdown (HTML comments, invisible on GitHub and npm):
// - `<!-- snippet: NAME` on the line(s) before a ```ts / ```tsx block, then optional preamble lines
//   (declarations the block assumes, e.g. `declare const userID: string;`), then `-->`. The preamble
//   is prepended when the block is checked. NAME lets other checks pick the block (check-consumer.sh).
// - `<!-- fragment: REASON -->` before a block: the block is not checked, and REASON says why.
// Every other ts/tsx block is checked as a module of its own.
//
// Usage:
//   node scripts/snippets.mjs check                  type-check every block against src/ (npm test)
//   node scripts/snippets.mjs write DIR MODE NAME... write the named blocks as DIR/NAME.ts(x);
//                                                    MODE esm (top-level await) or cjs (the body
//                                                    wrapped in an async function, imports hoisted)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANGS = new Set(['ts', 'tsx', 'typescript']);

/** Every ts/tsx block of README.md and docs/*.md, with its file, line, name, preamble or fragment reason. */
export function extractSnippets() {
  const files = [
    'README.md',
    ...readdirSync(path.join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const blocks = [];
  for (const file of files.sort()) {
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    let marker = null; // the comment just before a block
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const snippet = /^<!--\s*snippet:\s*([\w-]+)\s*(.*)$/.exec(line);
      const fragment = /^<!--\s*fragment:\s*(.*?)\s*-->\s*$/.exec(line);
      if (snippet) {
        const preamble = [];
        let rest = snippet[2];
        let j = i;
        while (!rest.includes('-->')) {
          if (rest.trim()) preamble.push(rest);
          rest = lines[++j];
          if (rest === undefined) throw new Error(`${file}:${i + 1}: unclosed snippet comment`);
        }
        const last = rest.slice(0, rest.indexOf('-->'));
        if (last.trim()) preamble.push(last);
        marker = { kind: 'snippet', name: snippet[1], preamble: preamble.join('\n') };
        i = j;
        continue;
      }
      if (fragment) {
        if (!fragment[1]) throw new Error(`${file}:${i + 1}: a fragment needs a reason`);
        marker = { kind: 'fragment', reason: fragment[1] };
        continue;
      }
      const fence = /^```(\S*)\s*$/.exec(line);
      if (fence && fence[1]) {
        const start = i;
        const body = [];
        while (++i < lines.length && !/^```\s*$/.test(lines[i])) body.push(lines[i]);
        if (LANGS.has(fence[1])) {
          blocks.push({
            file,
            line: start + 1,
            lang: fence[1] === 'tsx' ? 'tsx' : 'ts',
            code: body.join('\n'),
            name: marker?.kind === 'snippet' ? marker.name : null,
            preamble: marker?.kind === 'snippet' ? marker.preamble : '',
            fragment: marker?.kind === 'fragment' ? marker.reason : null,
          });
        }
        marker = null;
        continue;
      }
      if (line.trim() && !line.startsWith('<!--')) marker = null; // a marker belongs to the very next block
    }
  }
  return blocks;
}

/** A block's source as a module of its own: ESM (top-level await) or CommonJS (the body in an async function). */
export function toModule(block, mode) {
  const header = `// ${block.file}:${block.line}${block.name ? ` (${block.name})` : ''}\n`;
  if (mode === 'esm') return `${header}${block.preamble}\n${block.code}\nexport {};\n`;
  const lines = block.code.split('\n');
  const imports = [];
  const body = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^import\s/.test(lines[i])) {
      let statement = lines[i];
      while (!/from\s+['"][^'"]+['"];?/.test(statement) && !/^import\s+['"]/.test(statement))
        statement += `\n${lines[++i]}`;
      imports.push(statement);
    } else body.push(lines[i]);
  }
  return `${header}${imports.join('\n')}\n${block.preamble}\nexport async function snippet(): Promise<void> {\n${body.join('\n')}\n}\n`;
}

// A named block is written as NAME.ts(x), so that later blocks of a guide can import from it
// (`import { store } from './store'` is the store the guide wired); others by file and line.
function fileName(block) {
  return `${block.name ?? `${block.file.replace(/[\\/.]/g, '_')}_${block.line}`}.${block.lang}`;
}

function check() {
  const blocks = extractSnippets();
  const dir = path.join(root, 'node_modules/.cache/snippets');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const checked = [];
  blocks.forEach((block) => {
    if (block.fragment) {
      console.log(`skip ${block.file}:${block.line} (fragment: ${block.fragment})`);
      return;
    }
    const name = fileName(block);
    if (checked.includes(name)) throw new Error(`${block.file}:${block.line}: a second snippet named ${block.name}`);
    writeFileSync(path.join(dir, name), toModule(block, 'esm'));
    checked.push(name);
  });
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      jsx: 'react-jsx',
      esModuleInterop: true,
      skipLibCheck: true,
      isolatedModules: true,
      lib: ['ES2022', 'DOM'],
      types: ['node', 'jest'],
      typeRoots: [path.join(root, 'node_modules/@types')],
      paths: {
        'tim-redux': [path.join(root, 'src/index.ts')],
        'tim-redux/emulator': [path.join(root, 'src/emulator/index.ts')],
        'tim-redux/react': [path.join(root, 'src/react/index.ts')],
      },
    },
    files: checked,
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], {
      stdio: 'inherit',
    });
  } catch {
    console.error(`doc snippets: type errors (the files are in ${path.relative(root, dir)})`);
    process.exit(1);
  }
  console.log(`doc snippets: ${checked.length} blocks type-check, ${blocks.length - checked.length} fragments skipped`);
}

function write(dir, mode, names) {
  if (mode !== 'esm' && mode !== 'cjs') throw new Error(`mode must be esm or cjs, not ${mode}`);
  const blocks = extractSnippets();
  mkdirSync(dir, { recursive: true });
  for (const name of names) {
    const block = blocks.find((b) => b.name === name);
    if (!block) throw new Error(`no snippet named ${name}`);
    writeFileSync(path.join(dir, `${name}.${block.lang}`), toModule(block, mode));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'check') check();
  else if (command === 'write') write(path.resolve(args[0]), args[1], args.slice(2));
  else {
    console.error('usage: snippets.mjs check | write DIR esm|cjs NAME...');
    process.exit(2);
  }
}
