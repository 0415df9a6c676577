import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const STORIES = fileURLToPath(new URL('../stories/', import.meta.url));

/**
 * Serves `/__stories-index.json`: the `stories/*.stories.ts` files, listed at
 * request time, so `test/stories-axe.test.ts` renders every story file there
 * is (a browser cannot list a folder, and a hand-kept list would drift).
 * `STORIES=<text>` in the environment keeps only the files whose name holds
 * that text (while fixing one element's stories).
 */
export function storiesIndexPlugin() {
  return {
    name: 'stories-index',
    serve(context) {
      if (context.path !== '/__stories-index.json') return undefined;
      const files = readdirSync(STORIES)
        .filter((name) => name.endsWith('.stories.ts'))
        .filter((name) => !process.env.STORIES || name.includes(process.env.STORIES))
        .sort();
      return { body: JSON.stringify(files), type: 'json' };
    },
  };
}
