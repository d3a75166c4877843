// How the worker's process starts, wherever it is started: npm start, npm run start:worker (package.json), the
// tests' app processes, the bench, docker-compose and the Dockerfile (the last three spell it out;
// test/docker-compose.e2e.ts checks they agree with this file).
//
// Measured with `npm run bench -- --scale` (worker RSS with 10 / 100 / 1,000 cycles open, 2026-12-07; the first
// item on an Intel machine, the other two on a slower AMD one):
// - `--max-semi-space-size=2`: the main thread runs Nest, TypeORM and the activities; V8 gives it a server's
//   young generation (16 MB semi-spaces), which the activities' short-lived objects fill and keep. 2 MB ones cost
//   a few more scavenges: 315 / 319 / 380 → 268 / 292 / 360 MB. The workflow threads get the same size from
//   apps/worker/temporal-worker.service.ts even when the process is started without these flags.
// - `--optimize-for-size`: V8 lets a heap grow to a multiple of what survived its last full collection before
//   collecting again; the cycles' workflow thread (150 cycles cached, 41–50 MB in use) grew to 92–131 MB. With the
//   flag it stayed at 45–53 MB: 326–381 → 281 MB at 1,000 open (two runs), with no change in step p50 or CPU per
//   step that the runs could tell from noise.
// - `MALLOC_ARENA_MAX=2`: glibc gives threads that allocate at the same moment arenas of their own, up to 8 per
//   core, and the SDK's Rust core and V8's helper threads keep many of them partly full. With the flags above,
//   glibc's own 16 arenas gave 267 / 292 / 309 MB and 2 gave 240 / 262 / 281 (bench/README, "Phase 4 alone").
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=2', '--optimize-for-size'];
export const WORKER_ENVIRONMENT = { MALLOC_ARENA_MAX: '2' };
