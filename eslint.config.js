import js from '@eslint/js';
import { config as hubspotUiExtensions } from '@hubspot/eslint-config-ui-extensions';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const pureModuleBans = {
  paths: [
    { name: 'express', message: 'Pure modules take plain data; keep HTTP in src/http.' },
    { name: '@hubspot/api-client', message: 'Only src/hubspot/ talks to the SDK.' },
    { name: 'kysely', message: 'Only src/store/ talks to the database.' },
    { name: 'pino', message: 'Pure modules do not log.' },
    { name: 'node-cron', message: 'Only src/jobs/ schedules.' },
  ],
  patterns: [
    { group: ['node:fs*', 'node:http*', 'node:net', 'node:child_process'], message: 'No I/O here.' },
  ],
};

const storeMessage = 'SQL lives only in src/store/: add or extend a repository in src/store/repositories/.';

// Outside src/store/, Kysely's types may travel (a repository takes a `Kysely<Database>`), its values may not.
const kyselyValueBan = { name: 'kysely', message: storeMessage, allowTypeImports: true };

// The query-builder entry points of a Kysely handle (`db`, `tx`, …) and the `sql` tag. `with` also names
// Array.prototype.with, so only the CTE form, `with(name, (qb) => …)`, is matched.
const queryBuilderCalls = [
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
];
const sqlSyntaxBans = [
  {
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${queryBuilderCalls.join('|')})$/]`,
    message: storeMessage,
  },
  {
    selector:
      'CallExpression[callee.property.name=/^with(Recursive)?$/][arguments.length=2][arguments.1.type=/^(Arrow)?FunctionExpression$/]',
    message: storeMessage,
  },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: storeMessage },
  { selector: "CallExpression[callee.object.name='sql']", message: storeMessage },
];

const pureModuleSyntaxBans = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Pass `now` in.',
  },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in.' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/', '.data/', 'coverage/', 'preview-shots/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '.ci/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/main.ts reads the environment.' },
      ],
    },
  },
  {
    files: ['src/main.ts', 'test/**/*.ts', '**/*.test.ts', 'scripts/**/*.ts', '*.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.ts'],
    // Test kits (src/**/testing/, imported only by tests) read tables to assert on them, as tests do.
    ignores: ['src/store/**', '**/*.test.ts', 'test/**', 'src/**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [kyselyValueBan] }],
      'no-restricted-syntax': ['error', ...sqlSyntaxBans],
    },
  },
  {
    // A later block replaces a rule's options for the files it matches, so pure modules list both sets of
    // syntax bans; their import bans use the base rule and sit beside the Kysely ban above.
    files: ['src/**/domain/**/*.ts', 'src/**/*.pure.ts'],
    rules: {
      'no-restricted-imports': ['error', pureModuleBans],
      'no-restricted-syntax': ['error', ...pureModuleSyntaxBans, ...sqlSyntaxBans],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  // The HubSpot UI extensions: HubSpot's own rules (no DOM, no parent imports out of an extension point's
  // folder, no browser storage, …) and the rules of hooks, on top of the same strict TypeScript as src/.
  ...hubspotUiExtensions.map((block) => ({ ...block, files: ['app/**/*.{ts,tsx}'] })),
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // HubSpot's rule is a warning; here it is the same error as everywhere else in the repository.
      '@hubspot/ui-extensions/no-console': 'error',
    },
  },
  {
    files: ['app/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  { files: ['*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
