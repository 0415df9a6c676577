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
export default mergeConfig(
  bundle,
  defineConfig({
    build: {
      // The chunked bundle's build already emptied nothing; its sourcemap is enough for this one too.
      sourcemap: false,
      lib: { fileName: () => 'ucrm-widgets.single.js' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  }),
);
