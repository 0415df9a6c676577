/**
 * Hostile-input checks that no schema can make: on the raw JSON text (how
 * deep it nests, before `JSON.parse` spends time on it) and on the parsed
 * tree (NUL characters and unpaired surrogates anywhere, oversized arrays
 * and objects, also inside free-form members such as `custom`). PostgreSQL
 * refuses NUL and lone surrogates in `text` and `jsonb`, so without these
 * checks such a value would reach the database and fail there as a 500.
 */
import type { FieldError } from './problems.js';

export const INPUT_LIMITS = {
  /** Objects and arrays inside one another; our deepest body (a merge) needs 5. */
  depth: 20,
  /** Items of any one array (the per-field limits of the schemas are smaller still). */
  arrayItems: 10_000,
  /** Members of any one object. */
  objectMembers: 1_000,
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can store: no NUL, no UTF-16 surrogate without its pair. */
export function isCleanText(text: string): boolean {
  return !text.includes('\0') && !LONE_SURROGATE.test(text);
}

export const UNCLEAN_TEXT = 'Must not contain NUL characters or unpaired UTF-16 surrogates.';

/** Whether the JSON text nests objects/arrays deeper than `max` (one linear pass, strings skipped). */
export function nestsDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > max) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return false;
}

const pointerOf = (path: readonly string[]) => path.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * The first fault in a parsed JSON value, as a field error with its JSON
 * Pointer, or undefined. Depth is already bounded by `nestsDeeperThan`, so
 * the recursion is too.
 */
export function inspectJson(value: unknown, limits = INPUT_LIMITS): FieldError | undefined {
  const path: string[] = [];
  const visit = (node: unknown): FieldError | undefined => {
    if (typeof node === 'string') {
      return isCleanText(node) ? undefined : { pointer: pointerOf(path), detail: UNCLEAN_TEXT };
    }
    if (Array.isArray(node)) {
      if (node.length > limits.arrayItems) {
        return { pointer: pointerOf(path), detail: `Too many items: at most ${limits.arrayItems}.` };
      }
      for (let i = 0; i < node.length; i++) {
        path.push(String(i));
        const fault = visit(node[i]);
        path.pop();
        if (fault) return fault;
      }
      return undefined;
    }
    if (node && typeof node === 'object') {
      const entries = Object.entries(node);
      if (entries.length > limits.objectMembers) {
        return { pointer: pointerOf(path), detail: `Too many members: at most ${limits.objectMembers}.` };
      }
      for (const [key, child] of entries) {
        // A bad member name is reported on its object: the name itself cannot be echoed safely.
        if (!isCleanText(key)) return { pointer: pointerOf(path), detail: `A member name: ${UNCLEAN_TEXT}` };
        path.push(key);
        const fault = visit(child);
        path.pop();
        if (fault) return fault;
      }
    }
    return undefined;
  };
  return visit(value);
}
