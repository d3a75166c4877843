// The floor's worker, in a process of its own like the product's worker, so both sides of the comparison
// have the same layout (client → Temporal dev server → worker process) and its memory and CPU can be read
// apart. Settings come as one JSON argument: { address, namespace, taskQueue, bundlePath? } — a prebuilt
// bundle of floor.workflow.ts, as our worker gets one (WORKFLOW_BUNDLE_PATH); without it the worker bundles
// the TypeScript itself. Stops on SIGTERM (the SDK's default shutdown signals) or when the bench goes away.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

const { address, namespace, taskQueue, bundlePath } = JSON.parse(process.argv[2]);
Runtime.install({ logger: new DefaultLogger('WARN') });
const connection = await NativeConnection.connect({ address });
const worker = await Worker.create({
  connection,
  namespace,
  taskQueue,
  ...(bundlePath
    ? { workflowBundle: { codePath: bundlePath } }
    : { workflowsPath: fileURLToPath(new URL('./floor.workflow.ts', import.meta.url)) }),
  activities: { async noop() {} },
});
process.send?.({ ready: true });
process.on('disconnect', () => {
  if (worker.getState() === 'RUNNING') worker.shutdown();
});
await worker.run();
await connection.close();
