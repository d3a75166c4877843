import tseslint from 'typescript-eslint';

/** Modules the workflow sandbox must never load, even indirectly (they do I/O or need Node's globals). */
const bannedInWorkflows = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'class-validator',
  'class-transformer',
  'reflect-metadata',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  'node:*',
  'fs',
  'path',
  'crypto',
  '**/activities/**',
  '**/apps/**',
  '**/persistence/**',
  '**/config/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tools/**', 'coverage/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: bannedInWorkflows,
              allowTypeImports: true,
              message: 'Workflow code runs in the deterministic sandbox: no I/O, Nest, TypeORM or validation imports (import type is fine).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'No process.env in workflows: pass settings in the input.' }],
    },
  },
);
