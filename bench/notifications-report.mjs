// The notifications' figures (phase 8) on the terminal and in the results: how long a 100-cell cycle's
// invitations take to reach email, Zalo ZNS and SMS (with the SMS fallback for a third of the numbers), and
// RSVP latency while they are delivered against a like cycle with every channel off.
import { describeMachine } from './lib/stack.mjs';
import { ratio, table } from './lib/stats.mjs';

/** Results of a `--notifications` run: the machine and the notifications' figures. */
export function notificationsOnlyResults(bench, notifications) {
  const { servers } = bench;
  const machine = describeMachine({
    temporal: `${servers.temporal.cli}; dev server with a SQLite file database`,
    postgres: `PostgreSQL ${servers.postgres.version} (${servers.postgres.kind})`,
    comparison:
      'a cycle inviting 99 cells, delivered by the worker on email, Zalo ZNS and SMS to local providers, and its RSVPs one after another, ' +
      'against the same cycle with every channel off',
  });
  return { machine, date: new Date().toISOString(), mode: 'notifications', notifications };
}

export function printNotifications(results, log) {
  const { notifications: n } = results;
  if (!n) return;
  const d = n.delivery;
  log(
    `\nNotifications — a cycle inviting ${n.invited} cells: ${d.notifications} notifications (${Object.entries(d.reasons)
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ')}) to people with an email and a phone; providers on 127.0.0.1 answering in ${n.providers.latency_ms.join('–')} ms; ` +
      `ZNS refuses ${n.providers.zns_refused}`,
  );
  const p = d.providers;
  const list = (counts, format) => Object.entries(counts).map(format).join(', ') || '–';
  const channelRow = (channel, name, atProvider, expected) => {
    const c = d.by_channel[channel];
    const statuses = list(c.statuses, ([status, count]) => `${count} ${status}`);
    const codes = list(c.error_codes, ([code, count]) => `${code} ×${count}`);
    return [name, c.rows, statuses, codes, c.attempts, atProvider, expected, c.first_final_s, c.last_final_s];
  };
  log(
    table(
      ['channel', 'rows', 'statuses', 'error codes', 'attempts', 'at the provider', 'expected', 'first final s', 'last final s'],
      [
        channelRow('email', 'email', `${p.emails} (${p.email_recipients} addresses)`, `${d.expected.emails}`),
        channelRow('zalo', 'Zalo ZNS', `${p.zns_accepted} accepted, ${p.zns_refused} refused`, `${d.expected.zns_accepted} accepted, ${d.expected.zns_refused} refused`),
        channelRow('sms', 'SMS', `${p.sms} (${p.sms_phones} numbers, ${p.sms_repeated_request_ids} repeats)`, `${d.expected.sms}`),
      ],
    ),
  );
  const w = d.workflows;
  log(
    `  From the launch request: last delivery row final at ${d.last_final_s} s (last request at a provider ${d.last_provider_arrival_s} s)` +
      `${d.complete ? '' : `; INCOMPLETE: ${d.pending} notifications still pending`}; each notification done (all its rows final) ` +
      `p50 ${d.notification_done_p50_s} s, p90 ${d.notification_done_p90_s} s; ${d.messages} messages sent, ${d.deliveries_per_s} deliveries/s ` +
      `(${d.deliveries_per_s_from_first_dispatch}/s from the first dispatch); Zalo token refreshes ${p.token_refreshes}` +
      `${p.unexpected_requests.length ? `; unexpected requests: ${p.unexpected_requests.join(', ')}` : ''}`,
  );
  log(
    w.error
      ? `  Delivery workflows: not listed (${w.error}); rows dispatched at ${d.first_dispatched_s}–${d.last_dispatched_s} s`
      : `  Delivery workflows: ${w.count} (${Object.entries(w.statuses)
          .map(([status, count]) => `${count} ${status}`)
          .join(', ')}), started ${w.first_started_s}–${w.last_started_s} s, closed p50 ${w.closed_p50_s} s, p90 ${w.closed_p90_s} s, last ${w.last_closed_s} s`,
  );
  log(`  Messages accepted by the providers per 10 s from the launch: ${d.messages_per_10_s.join(', ') || '–'}`);
  if (d.attempts.length) log(`  Attempts: ${d.attempts.map((a) => `${a.count} ${a.outcome}${a.code ? ` (${a.code})` : ''}`).join(', ')}`);

  log(`\nNotifications — step latency (ms) while the invitations are delivered, against a like cycle (${n.invited} invitations) with every channel off`);
  const on = n.channels_on;
  const off = n.channels_off;
  const during = on.rsvps_during_deliveries_summary;
  const cpu = (s) => (s ? [s.cpu.cpu_ms_per_step.api, s.cpu.cpu_ms_per_step.worker, s.cpu.cpu_ms_per_step.postgres, s.cpu.cpu_ms_per_step.temporal, s.provider_messages, s.cpu.other_processes_pct] : [null, null, null, null, null, null]);
  const row = (name, launch, r, perSecond, s) => [name, launch, r.n, r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms, perSecond, ...cpu(s)];
  log(
    table(
      ['cycle', 'launch', 'RSVPs', 'p50', 'p95', 'p99', 'max', 'RSVPs/s', 'API CPU/step', 'worker CPU/step', 'PG CPU/step', 'Temporal CPU/step', 'messages', 'others %'],
      [
        row('channels on', on.launch_ms, on.rsvps, on.rsvp_steps_per_s, on),
        row('  sent while delivering', null, during, null, null),
        row('channels off', off.launch_ms, off.rsvps, off.rsvp_steps_per_s, off),
      ],
    ),
  );
  const e = n.effect;
  log(
    `  While delivering / off: RSVP p50 ×${ratio(during.p50_ms, off.rsvps.p50_ms)}, p99 ×${ratio(during.p99_ms, off.rsvps.p99_ms)} ` +
      `(the ${during.n} RSVPs sent before the last delivery was final); all RSVPs on / off: p50 ×${e.rsvp_p50_on_over_off}, p99 ×${e.rsvp_p99_on_over_off}; ` +
      `launch ×${e.launch_on_over_off}; the stack's extra CPU ${e.extra_cpu_ms_per_notification} ms per notification (on − off, net of idle)`,
  );
  log(`  (CPU in ms per step, net of the stack's idle CPU; the cycle with channels on is read until its last delivery. ${n.settings}.)`);
  const load = n.load;
  log(`  Load: other processes used ${load.other_processes_pct_on}% / ${load.other_processes_pct_off}% of the CPU during the on / off cycles; load average ${load.loadavg_at_start} → ${load.loadavg_at_end}`);
}

/** The whole report of a `--notifications` run. */
export function printNotificationsReport(results, { log, output, elapsed }) {
  const m = results.machine;
  log('\n══ Results ══════════════════════════════════════════════════════════════════════════════════════');
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`);
  log(`Temporal: ${m.temporal}`);
  log(`PostgreSQL: ${m.postgres}`);
  log(`Compared: ${m.comparison}`);
  printNotifications(results, log);
  log(`\nWritten ${output} (${elapsed()} in all)`);
  const n = results.notifications;
  log(
    `notifications_last_delivery_s=${n.delivery.last_final_s} deliveries_per_s=${n.delivery.deliveries_per_s} ` +
      `rsvp_p50_ms_delivering=${n.channels_on.rsvps_during_deliveries_summary.p50_ms} rsvp_p50_ms_off=${n.channels_off.rsvps.p50_ms} ` +
      `rsvp_p99_ms_delivering=${n.channels_on.rsvps_during_deliveries_summary.p99_ms} rsvp_p99_ms_off=${n.channels_off.rsvps.p99_ms}`,
  );
}
