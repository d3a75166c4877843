// The V8 flags the worker's process starts with, wherever it is started: npm start, npm run start:worker
// (package.json), the tests' app processes, the bench, docker-compose and the Dockerfile (the last three
// spell them out; test/docker-compose.e2e.ts checks they agree with this list).
//
// The worker's main thread runs Nest, TypeORM and the activities; V8 gives it a server's young generation
// (16 MB semi-spaces), which the activities' short-lived objects fill and keep. 2 MB semi-spaces cost a few
// more scavenges and took the worker's RSS with 10 / 100 / 1,000 open cycles from 315 / 319 / 380 MB to
// 268 / 292 / 360 MB (npm run bench -- --scale, 2026-12-07, one run each on a shared machine). The workflow
// threads get the same size from apps/worker/temporal-worker.service.ts even when the process is started
// without these flags.
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=2'];
