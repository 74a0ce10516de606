import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', '.bench', '.tmp', 'test-results', '.cli', '.cli-build-*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  ...layerRules(),
);

/**
 * The layers of src/ (docs/dev/architecture.md#layers): what each part may import, checked by
 * `npm run check` (tests/layers.test.ts proves a forbidden import fails). Tests and test support
 * files may import anything.
 */
function layerRules() {
  const tests = ['src/**/*.test.ts'];
  /** Imports of the given folders of src/ (from app/x.ts: '../worker/…'; from core/rules/x.ts: '../../app/…'). */
  const folders = (names, message) => ({ regex: `^(\\.\\./)+(${names.join('|')})/`, message });
  const packages = (names, message) => ({ group: names, message });
  const papaparse = packages(
    ['papaparse'],
    "papaparse is the tests' oracle and the benchmark's baseline; the product reads CSV with core/input/csv.ts.",
  );
  const noUi = packages(
    ['svelte', 'svelte/*', 'comlink', 'node:*'],
    'Not in this layer (see docs/dev/architecture.md#layers).',
  );
  const rule = (files, patterns, extra = {}) => ({
    files,
    ignores: tests,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [papaparse, ...patterns] }],
      ...extra,
    },
  });

  // The core's own layers, lowest first: what each folder of src/core may import besides itself.
  const core = {
    input: [],
    model: [],
    snapshot: ['model'],
    devices: ['model'],
    formats: ['input', 'model', 'devices'],
    rules: ['model', 'devices', 'snapshot'],
    report: ['model', 'snapshot', 'formats', 'rules'],
    engine: ['input', 'model', 'snapshot', 'devices', 'formats', 'rules', 'report'],
    generate: ['input', 'model', 'formats'],
  };
  const coreRules = Object.entries(core).map(([folder, allowed]) => {
    const below = Object.keys(core).filter((f) => f !== folder && !allowed.includes(f));
    return rule(
      [`src/core/${folder}/**/*.ts`],
      [
        packages(
          ['svelte', 'svelte/*', 'idb', 'comlink', 'node:*'],
          'The pure core runs in Node, a worker and the page alike.',
        ),
        folders(
          ['app', 'worker', 'storage', 'shared', 'sw', 'cli'],
          'The pure core imports nothing outside src/core.',
        ),
        folders(
          below,
          `core/${folder} may import only core/{${allowed.join(',')}} (docs/dev/architecture.md#layers).`,
        ),
      ],
      { 'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage', 'self'] },
    );
  });
  // The engine runs in the worker: the page uses the report's types and helpers, not the engine.
  const engine = {
    regex: '^(\\.\\./)+core/(engine|input|formats|rules|devices|generate)/',
    allowTypeImports: true,
    message: 'The engine runs in the worker: the page may import its types only.',
  };
  return [
    ...coreRules,
    rule(
      ['src/shared/**/*.ts'],
      [
        noUi,
        packages(['idb'], 'Shared types stay free of storage.'),
        folders(['app', 'worker', 'storage', 'sw', 'cli'], 'shared/ imports only src/core.'),
      ],
    ),
    rule(
      ['src/storage/**/*.ts'],
      [
        noUi,
        folders(['app', 'worker', 'sw', 'cli'], 'The storage imports only core/ and shared/ (and idb).'),
      ],
    ),
    rule(
      ['src/worker/**/*.ts'],
      [
        packages(['svelte', 'svelte/*', 'node:*'], 'The worker has no page.'),
        packages(['idb'], 'The worker keeps no history.'),
        folders(['app', 'storage', 'sw', 'cli'], 'The worker imports only core/ and shared/ (and comlink).'),
      ],
    ),
    rule(
      ['src/app/**/*.ts', 'src/app/**/*.svelte'],
      [
        packages(['node:*'], 'The page runs in the browser.'),
        folders(['sw', 'cli'], 'The page imports core/, shared/, storage/ and the worker facade only.'),
        {
          regex: '^(\\.\\./)+worker/(?!api\\.ts$)',
          message:
            'The page may import the worker facade (worker/api.ts, types only) and nothing else of the worker.',
        },
        {
          regex: '^(\\.\\./)+worker/api\\.ts$',
          allowTypeImports: true,
          message: 'worker/api.ts: types only.',
        },
        engine,
      ],
    ),
    rule(
      ['src/sw/**/*.ts'],
      [
        noUi,
        packages(['idb'], 'The service worker caches files only.'),
        folders(['app', 'worker', 'storage', 'shared', 'core', 'cli'], 'The service worker stands alone.'),
      ],
    ),
    rule(
      ['src/cli/**/*.ts'],
      [
        packages(['svelte', 'svelte/*', 'comlink', 'idb'], 'The command line runs the core in Node.'),
        folders(['app', 'worker', 'storage', 'sw'], 'The command line imports only core/ and shared/.'),
      ],
    ),
  ];
}
