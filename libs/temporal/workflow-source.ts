import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the worker gets its workflow code: a prebuilt bundle in production (WORKFLOW_BUNDLE_PATH), else the
 * workflows entry next to this build (dist/…/index.js) or, under the test runner, the TypeScript source.
 */
export function workflowSource(bundlePath?: string): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  if (bundlePath) return { workflowBundle: { codePath: bundlePath } };
  const compiled = fileURLToPath(new URL('../../workflows/index.js', import.meta.url));
  if (existsSync(compiled)) return { workflowsPath: compiled };
  return { workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)) };
}
