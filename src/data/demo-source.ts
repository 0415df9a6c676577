import { createLocalSource, type LocalSource } from './local-source.js';

/** The IndexedDB database of the demo data, apart from the library default's (`ucrm`), so trying the kit never mixes with real local data. */
export const DEMO_DATABASE = 'ucrm-demo';

let demoSource: LocalSource | undefined;

/**
 * The source a `<ucrm-provider demo-data>` gives: the embedded source seeded
 * with the generated demo data (`generateDemoData`: 2000 contacts, the sales
 * and support campaigns and their sections), one per page. Its code and the
 * generator load on the first call.
 */
export function getDemoSource(): LocalSource {
  demoSource ??= createLocalSource({ demo: true, name: DEMO_DATABASE });
  return demoSource;
}
