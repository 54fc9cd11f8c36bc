// TypeDoc plugin: groups the API reference by what a name is for, read from where it is defined
// (src/thunks/session.ts → "Thunks: session", src/selectors/* → "Selectors: ...", ...), so that
// the reference is not one flat list of ~300 names and no source file needs a tag per export.
// A name's own `@group` tag wins. It also shows a thunk's type as `AsyncThunk<Result, Arg>` (without
// the store config every tim-redux thunk shares) and says in its comment what it resolves with.
import path from 'node:path';
import { Comment, CommentTag, Converter, ReferenceType, ReflectionKind } from 'typedoc';

/** Group of a source file relative to src/, or null to leave TypeDoc's default. */
function groupOf(file) {
  const rel = file.split(path.sep).join('/');
  const at = rel.lastIndexOf('/src/');
  if (at < 0) return null;
  const src = rel.slice(at + 5).replace(/\.ts$/, '');
  const [dir, name] = src.split('/');
  if (dir === 'emulator') return 'Emulator';
  if (dir === 'thunks') return name === 'create' || name === 'call' ? 'Thunks: custom' : `Thunks: ${name}`;
  if (dir === 'selectors') return `Selectors: ${name}`;
  if (dir === 'normalize') return 'Normalizers';
  if (dir === 'slices' || src === 'actions' || src === 'eventTable') return 'Actions';
  if (src === 'types' || src === 'sdk') return 'Types';
  if (src === 'devtools') return 'DevTools';
  if (dir === 'persist') return 'Persistence';
  return 'Wiring'; // reducer, middleware, events, registry, context, errors, sdkNamespace
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.parent || !reflection.parent.kindOf(ReflectionKind.Module | ReflectionKind.Project)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName;
    const group = file ? groupOf(file) : null;
    if (!group) return;
    reflection.comment ??= new Comment();
    if (!reflection.comment.getTag('@group'))
      reflection.comment.blockTags.push(new CommentTag('@group', [{ kind: 'text', text: group }]));

    const type = reflection.type;
    if (type instanceof ReferenceType && type.name === 'AsyncThunk' && type.typeArguments?.length === 3) {
      const [result, arg] = type.typeArguments;
      type.typeArguments = [result, arg];
      reflection.comment.summary.push({
        kind: 'text',
        text:
          `\n\nA thunk: \`dispatch(${reflection.name}(arg))\` with \`arg: ${arg.toString()}\` resolves with ` +
          `\`${result.toString()}\` and rejects with a \`TimError\` (\`{ code, message }\`).`,
      });
    }
  });

  // RTK's action-creator types carry comments with both a summary and `@inheritDoc`; TypeDoc warns
  // about them while parsing RTK's .d.ts, where we cannot fix them. Only that warning about a
  // comment in node_modules is dropped; every other warning still fails the build.
  const warn = app.logger.warn.bind(app.logger);
  app.logger.warn = (message, ...rest) => {
    if (/overwritten by the @inheritDoc tag in comment at .*node_modules/.test(String(message))) return;
    warn(message, ...rest);
  };
}
