// Production workers load this prebuilt bundle (WORKFLOW_BUNDLE_PATH) so they start without running webpack.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

const workflowsPath = fileURLToPath(new URL('../dist/workflows/index.js', import.meta.url));
const output = fileURLToPath(new URL('../dist/workflow-bundle.js', import.meta.url));

const { code } = await bundleWorkflowCode({ workflowsPath });
await writeFile(output, code);
console.log(`• Workflow bundle written to ${output} (${Math.round(code.length / 1024)} KiB)`);
