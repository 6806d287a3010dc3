// @ts-check
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import frontDoor from './eslint-rules/front-door.mjs';
import tseslint from 'typescript-eslint';

/**
 * The rooms of ARCHITECTURE.md ("Import rules") and who may import whom. Each zone forbids `target`
 * from importing `from`; `except` (relative to `from`) lists the one door left open.
 * Hosts may start the simulator for the demo account, through sim/index.ts and nothing else.
 */
const room = (path) => `./${path}`;
const everyRoomBut = (...allowed) =>
  ['src/common', 'src/core', 'src/main', 'src/preload', 'src/renderer', 'src/headless', 'src/server', 'sim']
    .filter((r) => !allowed.includes(r))
    .map(room);

/**
 * Test helpers live in their layer's `testing/` folder (cross-layer ones in `test/`). Product code
 * never imports them; tests, benchmarks, end-to-end specs and the helpers themselves may.
 */
const testHelperFiles = ['src/**/testing/**/*.{ts,tsx}', 'sim/**/testing/**/*.ts'];
const testHelperZones = [
  {
    target: [room('src'), room('sim')],
    from: ['./src/**/testing/**', './sim/**/testing/**', './test/**'],
    message: 'Test helpers (testing/ folders, test/) are for tests, benchmarks and e2e only, never product code.',
  },
];

const boundaryZones = [
  { target: room('src/common'), from: everyRoomBut('src/common'), message: 'src/common runs anywhere and imports nothing of ours.' },
  { target: room('src/core'), from: everyRoomBut('src/core', 'src/common'), message: 'src/core may import only src/common.' },
  {
    target: room('src/preload'),
    from: everyRoomBut('src/preload', 'src/common'),
    message: 'src/preload may import only src/common (and electron).',
  },
  {
    target: room('src/renderer'),
    from: everyRoomBut('src/renderer', 'src/common'),
    message: 'The renderer may import only src/common: everything else goes through the contract.',
  },
  { target: room('sim'), from: everyRoomBut('sim', 'src/common'), message: 'The simulator may import only its own code and src/common.' },
  ...['src/main', 'src/headless'].flatMap((host) => [
    {
      target: room(host),
      from: everyRoomBut(host, 'src/core', 'src/common', 'sim'),
      message: `${host} may import only src/core and src/common.`,
    },
    {
      target: room(host),
      from: room('sim'),
      except: ['./index.ts'],
      message: 'A host may only start the simulator (sim/index.ts) for the demo account.',
    },
  ]),
  {
    target: room('src/server'),
    from: everyRoomBut('src/server', 'src/core', 'src/common', 'src/headless'),
    message: 'src/server may import only src/core, src/common and the command-line settings it shares with npm run sync.',
  },
  {
    target: room('src/server'),
    from: room('src/headless'),
    except: ['./cli-args.ts', './sync-settings.ts'],
    message: 'src/server shares only the command-line settings with src/headless (cli-args.ts, sync-settings.ts).',
  },
];

/**
 * Modules with a front door: code outside such a module imports only its `index.ts` (and tests
 * its doubles through `testing/index.ts`), never a file inside, like VS Code's code-no-deep-import.
 * A module's insides can then move without touching its callers. To give another module a front
 * door, add its folder to this list and fix what lint names (the rule: eslint-rules/front-door.mjs).
 */
const frontDoorModules = ['src/core/kommo', 'src/core/db', 'src/core/sync'];
/**
 * A second door: the PostgreSQL store (core/db/postgres/index.ts) is entered apart from core/db's
 * index, so the desktop app never loads `pg` (about 100 ms at start) for nothing.
 */
const frontDoorExtras = { 'src/core/db': ['postgres'] };

const nodeBuiltinsForbidden = {
  'import/no-nodejs-modules': ['error'],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'native/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { import: importPlugin },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'] } },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  // The boundaries hold for product code; tests may reach across to set up real peers.
  {
    files: ['src/**/*.{ts,tsx}', 'sim/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', ...testHelperFiles],
    rules: {
      'import/no-restricted-paths': ['error', { zones: [...boundaryZones, ...testHelperZones] }],
    },
  },
  // Test helpers keep their layer's boundaries, and may use each other.
  {
    files: testHelperFiles,
    rules: {
      'import/no-restricted-paths': ['error', { zones: boundaryZones }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'sim/**/*.ts'],
    ignores: ['src/main/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron is imported only in src/main and src/preload.' }],
          patterns: [{ group: ['electron/*'], message: 'electron is imported only in src/main and src/preload.' }],
        },
      ],
    },
  },
  {
    // Every file, tests included: a test reaching inside a module breaks when the module moves.
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { local: frontDoor },
    rules: { 'local/no-deep-import': ['error', { modules: frontDoorModules, doors: frontDoorExtras }] },
  },
  { files: ['src/common/**/*.ts', 'src/renderer/**/*.{ts,tsx}'], ignores: ['**/*.test.{ts,tsx}'], rules: nodeBuiltinsForbidden },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Command-line entry points and scripts talk to people through stdout/stderr.
    files: ['scripts/**', 'bench/**', 'e2e/**', 'sim/cli.ts', 'src/headless/*-cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures declare their (empty) dependencies with an object pattern.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
