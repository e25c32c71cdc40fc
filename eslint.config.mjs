// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Type-aware rules over every TypeScript file; formatting is Prettier's job, not ESLint's. */
export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'bench/results/',
      '.bench-data/',
      'data/',
      'schema/',
      '*.config.{js,mjs}',
      'test/summary-reporter.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_name` marks a value taken apart on purpose and not used (a private key dropped from a JWK).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // type-graphql takes resolver and entity classes as untyped constructors (`Function`).
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Apollo Server's plugin hooks and type-graphql's resolvers and middleware are async by
      // contract; an async function without `await` says it fulfils one.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON answers of arbitrary shape through `any`-typed fixtures on purpose.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
