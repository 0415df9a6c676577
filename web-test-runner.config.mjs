import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { restServerPlugin } from './scripts/rest-server-plugin.mjs';
import { storiesIndexPlugin } from './scripts/stories-index-plugin.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { chromiumArgs, findChromium } from './scripts/chromium-path.mjs';

/**
 * Papa Parse ships only a UMD file; bundlers convert it, the test server does
 * not. Wrapping it as a module with a default export is all it needs.
 */
const papaparseAsModule = {
  name: 'papaparse-as-module',
  transform(context) {
    if (!/\/node_modules\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) return undefined;
    return {
      body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;`,
    };
  },
};

/**
 * @nanostores/lit ships CommonJS only; the view imports its StoreController
 * file, which requires nothing, so exposing its one export as a module is
 * all the test server needs (bundlers convert it themselves).
 */
const nanostoresLitAsModule = {
  name: 'nanostores-lit-as-module',
  transform(context) {
    if (!/\/node_modules\/@nanostores\/lit\/lib\/StoreController\.js$/.test(context.path)) return undefined;
    return {
      // In a function: the file declares a class of the very name it exports.
      body: `const exports = {};\n(() => {\n${context.body}\n})();\nconst { StoreController: Controller } = exports;\nexport { Controller as StoreController };`,
    };
  },
};

/**
 * mediabunny's Node-only file imports node:fs; its package.json maps that file
 * to nothing for browsers (bundlers honour it), the test server does not.
 */
const mediabunnyNodeFileEmpty = {
  name: 'mediabunny-node-file-empty',
  transform(context) {
    if (!/\/node_modules\/mediabunny\/dist\/modules\/src\/node\.js$/.test(context.path)) return undefined;
    return { body: 'export const fs = undefined;' };
  },
};

/** Browser tests in Debian's Chromium through Playwright; see DEVELOPERS.md. */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    papaparseAsModule,
    nanostoresLitAsModule,
    mediabunnyNodeFileEmpty,
    // The reference CRM server, for the REST source tests (scripts/rest-server-plugin.mjs).
    restServerPlugin(),
    // The list of stories/*.stories.ts, for test/stories-axe.test.ts.
    storiesIndexPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  // nanostores reads process.env.NODE_ENV, which bundlers define; the test server does not.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <head><script>globalThis.process ??= { env: { NODE_ENV: 'development' } };</script></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
  concurrency: 2,
  // Generous limits: CI is a busy 2-core machine, and a test file's first test pays for
  // cold module loads (esbuild transforms, lazy chunks). No test asserts a duration;
  // these only bound a hang.
  testFramework: { config: { timeout: 60_000 } },
  browserStartTimeout: 5 * 60 * 1000,
  testsStartTimeout: 5 * 60 * 1000,
  testsFinishTimeout: 25 * 60 * 1000,
};
