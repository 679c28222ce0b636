import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import noOnlyTests from 'eslint-plugin-no-only-tests';

export default tseslint.config(
  { ignores: ['**/dist/**', 'storybook-static/**', 'node_modules/**', '.cache/**', 'bench-results/**', 'coverage/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    plugins: { 'no-only-tests': noOnlyTests },
    rules: {
      'no-only-tests/no-only-tests': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // chai assertions such as `expect(x).to.exist` are expressions by design.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['scripts/**', '*.mjs', '.storybook/**'],
    rules: { 'no-console': 'off' },
  },
);
