// CPU accounting from /proc: how much CPU each part of the stack used during a stretch of the bench,
// and how much the rest of the machine used meanwhile (other people's test runs on a shared 2-core
// machine make every latency worse; the report says how much of that there was).
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system, all threads) a process has used so far; null once it has gone. */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: utime is field 14 → index 11, stime field 15 → index 12.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Busy and total CPU seconds of the whole machine so far (all cores). */
export function machineCpuSeconds() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values;
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  return { busy: busy / TICKS_PER_SECOND, total: (busy + idle + iowait) / TICKS_PER_SECOND };
}

/**
 * `parts()` returns { name: pid[] } for the processes to account (PostgreSQL backends change, so it is
 * asked at every reading). start() takes a reading; the returned stop() gives CPU seconds per part, the
 * machine's busy share and what the rest of the machine used.
 */
export function cpuMeter(parts) {
  const read = async () => {
    const groups = await parts();
    const byPid = {};
    for (const [name, pids] of Object.entries(groups)) {
      for (const pid of pids) if (pid) byPid[pid] = { name, seconds: processCpuSeconds(pid) };
    }
    return { at: process.hrtime.bigint(), machine: machineCpuSeconds(), byPid };
  };
  return {
    async start() {
      const before = await read();
      return async () => {
        const after = await read();
        const wallSeconds = Number(after.at - before.at) / 1e9;
        const seconds = {};
        for (const [pid, entry] of Object.entries(after.byPid)) {
          if (entry.seconds === null) continue;
          const earlier = before.byPid[pid]?.seconds ?? 0;
          seconds[entry.name] = (seconds[entry.name] ?? 0) + Math.max(0, entry.seconds - earlier);
        }
        const ours = Object.values(seconds).reduce((sum, value) => sum + value, 0);
        const busy = after.machine.busy - before.machine.busy;
        const total = after.machine.total - before.machine.total;
        return {
          wallSeconds,
          seconds,
          oursSeconds: ours,
          machineBusyPct: total > 0 ? (100 * busy) / total : null,
          /** CPU the rest of the machine used, as a share of all cores. */
          foreignPct: total > 0 ? (100 * Math.max(0, busy - ours)) / total : null,
        };
      };
    },
  };
}
