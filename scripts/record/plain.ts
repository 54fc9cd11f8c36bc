/**
 * SDK event data → plain JSON for a recording: own enumerable fields and the values of the getters
 * on the prototype chain (the SDK exposes some fields, e.g. a message's `payload` in some builds, only
 * through getters, and the binding reads them), without `_`-private fields (the binding never reads
 * them; they hold back references to the SDK itself), functions, or cycles.
 */

/** A JSON value. */
export type RecordedJson = string | number | boolean | null | RecordedJson[] | { [key: string]: RecordedJson };

const MAX_DEPTH = 12;

function isBlobLike(obj: object): obj is { name?: unknown; size: unknown; type?: unknown } {
  const tag = Object.prototype.toString.call(obj);
  return tag === '[object File]' || tag === '[object Blob]';
}

/** The names of getters on `obj`'s prototype chain (below Object.prototype), nearest first. */
function getterNames(obj: object): string[] {
  const names: string[] = [];
  for (let p = Object.getPrototypeOf(obj); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (d.get && name !== 'constructor' && !name.startsWith('_') && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * A JSON copy of `value`. A cycle (an object inside itself) and anything past depth 12 are left out;
 * a getter that throws is left out; `undefined` fields are left out; non-finite numbers become null.
 */
export function toRecorded(value: unknown, depth = 0, ancestors: object[] = []): RecordedJson | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH || ancestors.includes(value)) return undefined;
  if (isBlobLike(value))
    return { name: String(value.name ?? ''), size: Number(value.size) || 0, type: String(value.type ?? '') };
  if (value instanceof Date) return value.getTime();
  const inner = [...ancestors, value];
  if (Array.isArray(value)) return value.map((item) => toRecorded(item, depth + 1, inner) ?? null);
  const out: { [key: string]: RecordedJson } = {};
  const put = (key: string, field: unknown): void => {
    const plain = toRecorded(field, depth + 1, inner);
    if (plain !== undefined) out[key] = plain;
  };
  for (const key of Object.keys(value)) {
    if (key.startsWith('_')) continue;
    put(key, (value as Record<string, unknown>)[key]);
  }
  for (const key of getterNames(value)) {
    if (key in out) continue;
    try {
      put(key, (value as Record<string, unknown>)[key]);
    } catch {
      // a getter that needs state the SDK no longer has
    }
  }
  return out;
}

/**
 * The shape of a recorded value: every key path, arrays collapsed to `[]`, with the JSON type at
 * the end (`conversationList[].unreadCount:number`). Two recordings of one event agree in shape when
 * these sets are equal.
 */
export function shapeOf(value: unknown, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    out.add(`${path}:array`);
    for (const item of value) shapeOf(item, `${path}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    out.add(`${path}:object`);
    for (const [k, v] of Object.entries(value)) shapeOf(v, path ? `${path}.${k}` : k, out);
  } else {
    out.add(`${path}:${value === null ? 'null' : typeof value}`);
  }
  return out;
}
