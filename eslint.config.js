import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/**
 * The layers of DESIGN.md ("Layers — data flows one way"): each zone names
 * the folder whose files may not import from `from`. Static and dynamic
 * imports alike (a lazy chunk is still an upward dependency).
 */
const LAYERS = [
  { target: './src/core', from: './src', except: ['./core'], message: 'src/core is pure domain logic: it imports nothing outside src/core.' },
  {
    target: './src/i18n',
    from: ['./src/data', './src/state', './src/components', './src/define', './src/events.ts', './src/index.ts', './src/api.ts'],
    message: 'src/i18n sits beside src/core: it may import core types, nothing above.',
  },
  {
    target: './src/data',
    from: ['./src/state', './src/components', './src/define', './src/events.ts', './src/index.ts', './src/api.ts'],
    message: 'src/data imports only src/core, src/data (and src/i18n for messages).',
  },
  {
    target: './src/state',
    from: ['./src/components', './src/define', './src/index.ts', './src/api.ts'],
    message: 'src/state never imports an element or a registration.',
  },
  {
    target: './src/components',
    from: ['./src/define', './src/index.ts', './src/api.ts'],
    message: 'Elements never import a registration (src/define): the host (or src/index.ts) registers; a lazy part imports the class.',
  },
  {
    target: './server',
    from: ['./src/components', './src/define', './src/state', './src/i18n', './src/index.ts', './src/api.ts'],
    message: 'The server shares src/core (and the source contract in src/data), never the widgets.',
  },
];

/** Matches an import specifier that reaches into a src/core/<folder>/ file other than its index.js. */
const CORE_INTERNALS = String.raw`(^|/)core/[^/]+/(?!index\.js$)[^/]+$`;
/** The same, from inside another src/core folder (`../<folder>/<file>.js`). */
const SIBLING_CORE_INTERNALS = String.raw`^\.\./[^/]+/(?!index\.js$)[^/]+$`;
const coreInternalsMessage = "Import a src/core folder through its index.js (dynamic import() of a lazy chunk and unit tests excepted).";

export default tseslint.config(
  { ignores: ['dist/', 'dist-demo/', 'storybook-static/', 'node_modules/', 'coverage/', 'tmp/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    settings: { wc: { elementBaseClasses: ['LitElement', 'UcrmElement', 'UcrmDataElement', 'UcrmRegionalElement'] } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Lit elements register in src/define/*, never in the class file.
      'wc/define-tag-after-class-definition': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  // Import graph: no cycles, no upward imports (DESIGN.md), src/core folders entered through their index.js.
  {
    files: ['src/**/*.ts', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/external-module-folders': ['node_modules'],
      // Our imports name the .js a .ts file compiles to.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
      // Static imports only: dynamic import() of a folder's lazy chunk is allowed.
      'no-restricted-imports': ['error', { patterns: [{ regex: CORE_INTERNALS, message: coreInternalsMessage }] }],
    },
  },
  {
    files: ['src/core/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['lit', 'lit-html', 'lit-element'].map((name) => ({ name, message: 'src/core has no DOM and no Lit.' })),
          patterns: [
            { group: ['lit/*', '@lit/*', '@lit-labs/*'], message: 'src/core has no DOM and no Lit.' },
            { regex: SIBLING_CORE_INTERNALS, message: coreInternalsMessage },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...['window', 'document', 'customElements', 'HTMLElement', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB'].map((name) => ({ name, message: 'src/core has no DOM.' }))],
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**', 'bench/**/*.mjs', 'server/**', '*.config.*', '.storybook/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
