import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'data/',
      '.tmp/',
      'node_modules/',
      'src/server/db/migrations/',
      'bench/results/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      // Tests read JSON bodies whose shape the assertions check.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    // SQL lives in queries.ts / <topic>-queries.ts (STYLE.md): a service composes queries, a
    // policy decides, a route validates and calls. Outside the queries files a feature may import
    // drizzle-orm and the schema for types only, and may not call the query builder on a
    // database handle (`db.select(…)`, `tx.update(…)`); `db.transaction(…)` stays allowed.
    files: ['src/server/features/**/*.ts'],
    ignores: ['**/*queries.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'drizzle-orm',
              message: 'Write SQL in a queries.ts (or <topic>-queries.ts) file.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: ['**/db/schema', '**/db/schema/*'],
              // A default value of a column is not SQL.
              allowImportNames: ['DEFAULT_WORKING_HOURS'],
              message: 'Read and write tables in a queries.ts (or <topic>-queries.ts) file.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.object.name=/^(db|tx)$/][callee.property.name=/^(select|selectDistinct|insert|update|delete|execute|query)$/]",
          message: 'Write SQL in a queries.ts (or <topic>-queries.ts) file.',
        },
      ],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
