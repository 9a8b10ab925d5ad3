// eslint (typescript-eslint, strict and type-checked) for src/, scripts/, test/ and the explorer.
// Formatting is prettier's (.prettierrc): eslint-config-prettier turns off the rules it covers.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'scripts/neo4j/target/', 'web/explorer/dist/', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.mts', 'web/explorer/vite.config.mts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers, booleans and nulls are interpolated into messages on purpose all over the code.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // type-graphql resolvers and classes are declared with decorators on empty-bodied classes.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Unused arguments and values named with a leading underscore are intentional (destructuring away a field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests assert on values they know are there (`result.data!.code`).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
