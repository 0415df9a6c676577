import { defineConfig, mergeConfig } from 'vite';
import bundle from './vite.bundle.config.js';

/**
 * `dist/ucrm-widgets.single.js`: the same bundle as `dist/ucrm-widgets.js`
 * (every element registered, the public API, every dependency) in one file
 * with no chunks at all, for hosts that can serve a single file (a CMS, an
 * intranet portal that takes one script URL). What the chunked bundle loads
 * on demand (the rich text editor, translations, phone metadata, the demo
 * data) is inside, so it is several times larger: prefer the chunked
 * bundle wherever a folder can be served.
 */
/**
 * The emoji data in the single file too: the chunked builds serve it as JSON
 * next to the modules (`emoji-data.ts`), which a single-file host cannot, so
 * here the English data is inside and handed to the picker as a blob URL (for
 * every language: emoji names in English, rather than one more file or a CDN).
 */
const emojiDataInside = {
  name: 'ucrm-single-file-emoji-data',
  enforce: 'pre' as const,
  load(id: string) {
    if (!id.endsWith('/ucrm-conversation/emoji-data.ts')) return null;
    return `import data from 'emoji-picker-element-data/en/emojibase/data.json?raw';
let url;
export function emojiDataUrl() {
  return (url ??= URL.createObjectURL(new Blob([data], { type: 'application/json' })));
}`;
  },
};

export default mergeConfig(
  bundle,
  defineConfig({
    plugins: [emojiDataInside],
    build: {
      // The chunked bundle's build already emptied nothing; its sourcemap is enough for this one too.
      sourcemap: false,
      lib: { fileName: () => 'ucrm-widgets.single.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  }),
);
