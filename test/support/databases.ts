/** IndexedDB databases for the local-source tests: a fresh one per use, deleted after each test. */
import { deleteDB } from 'idb';

/**
 * Registers hooks on the enclosing `describe`: console warnings are silenced
 * during each test (the source warns once when it falls back to memory; the
 * tests that care assert it themselves) and every database named through the
 * returned function is deleted afterwards.
 */
export function throwawayDatabases(prefix: string): () => string {
  let names: string[] = [];
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(async () => {
    await Promise.all(names.map((name) => deleteDB(name)));
    names = [];
    console.warn = warn;
  });
  return () => {
    const name = `${prefix}-${crypto.randomUUID()}`;
    names.push(name);
    return name;
  };
}
