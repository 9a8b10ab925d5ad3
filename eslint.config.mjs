// eslint (typescript-eslint, strict and type-checked) for src/, scripts/, test/ and the explorer.
// Formatting is prettier's (.prettierrc): eslint-config-prettier turns off the rules it covers.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.scratch/', 'scripts/neo4j/target/', 'web/explorer/dist/', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.mts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers, booleans and nulls are interpolated into messages on purpose all over the code.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // type-graphql resolvers and classes are declared with decorators on empty-bodied classes.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Unused arguments and values named with a leading underscore are intentional (destructuring away a field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Off, each because it would force a rewrite of much working code (counts as measured on the first run):
      // `map.get(key)!` after the key is known to be there (81 places).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Defensive checks on rows from Neo4j and lines from official files, whose declared types are stricter than the data (70).
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `(x) => res.end()`-style arrow shorthands that return a void call (51).
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Resolvers and repository methods are async to meet an interface, some without awaiting (27).
      '@typescript-eslint/require-await': 'off',
      // neo4j-driver's QueryConfig and type-graphql's @ObjectType classes are filled from object literals by design (32).
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // GraphQL's extensions.code, Neo4j rows and official-file fields are strings compared with (and
      // narrowed to) the string enums that name their values; the enums exist to name those strings (23).
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Tests and scripts read JSON answers (fetch, executeOperation) whose shape each assertion states.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // csv-parse's parse() is declared loosely; the `as Array<Record<string, string>>` on its rows is what a test states.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['test/browser/**/*.ts'],
    rules: {
      // The callbacks of page.evaluate run in the page: DOM values are untyped in the Node project.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
    },
  },
  prettier,
);
