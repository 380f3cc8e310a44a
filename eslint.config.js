import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pipeline flows one way (DESIGN.md): a stage may name a later stage's types, never call it.
const STAGES = ['nlu', 'scenario', 'nlu-data', 'engine', 'session', 'scoring', 'letters', 'report', 'ui', 'cli'];
const layering = STAGES.slice(0, -1).map((stage, i) => ({
  files: [`src/${stage}/**/*.{ts,tsx}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: STAGES.slice(i + 1).map((later) => `**/${later}/*`),
            message: `${stage} comes before these stages in the pipeline: import their types only (import type), never their code.`,
            allowTypeImports: true,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.prof/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...layering,
);
