import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
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

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'coverage/'] },
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
    files: ['src/**/domain/**/*.ts', 'src/**/*.pure.ts'],
    rules: {
      'no-restricted-imports': ['error', pureModuleBans],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass `now` in.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in.' },
      ],
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
  { files: ['*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
