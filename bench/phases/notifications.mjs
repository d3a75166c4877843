// Phase 8, notifications beyond the inbox (issue 16's figures): a commune of its own with NOTIFICATION_CELLS
// cells, every secretary with an email and a phone and the committee paying for email, Zalo ZNS and SMS; the
// providers are the bench's own on 127.0.0.1 (lib/providers.mjs), quiet hours off. One cycle invites the 99
// other cells: from the launch request to the last delivery row in a final state, per channel (ZNS refuses a
// third of the numbers, which then go by SMS), and the RSVPs' latency meanwhile, one after another, against
// the same cycle with every channel off. Delivery is a workflow of its own started by the worker's
// dispatcher, off the step's path: the two should not differ.
//
// Order: a warm-up cycle with channels off (not counted: first RSVPs of a fresh API are slower), the cycle
// with channels on, then the one with channels off, each launched and its RSVPs sent by one client. Contacts
// and the committee's channels are set with SQL (what PUT /api/me/contact and the committee's channels page
// store). The three cycles are cancelled at the end, with contacts removed, so nothing else is sent.
import { readFileSync } from 'node:fs';
import { launchCycle, rsvp } from '../../scripts/lib/cycle-driver.mjs';
import { acceptInvitationBody, cancelBody } from '../../scripts/lib/step-bodies.mjs';
import { BENCH_LAUNCH, freshHost, seedCommune } from '../lib/api.mjs';
import { znsRefuses } from '../lib/providers.mjs';
import { percentile, ratio, round, summarise } from '../lib/stats.mjs';
import { DELIVERY_TIMEOUT_MS, NOTIFICATION_CELLS } from '../plan.mjs';

const FINAL = new Set(['SENT', 'DELIVERED', 'FAILED', 'SKIPPED']);
const REACHED = new Set(['SENT', 'DELIVERED']);
const CHANNELS = ['email', 'zalo', 'sms'];
const POLL_MS = 200;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export async function measureNotifications(bench) {
  const { log, api, commune, pgMonitor: pg, providers, figures } = bench;
  bench.ensureAlive();
  log(`\n── 8. Notifications: the invitations of a ${NOTIFICATION_CELLS}-cell cycle by email, Zalo ZNS and SMS (providers on 127.0.0.1), and RSVP latency meanwhile ──`);
  const loadAtStart = loadAverage();
  const seedStarted = Date.now();
  const large = await seedCommune(api, { adminPassword: commune.admin.password, cellCount: NOTIFICATION_CELLS });
  const [host, ...invited] = large.cells;
  const people = large.cells.map((cell, index) => ({
    userId: cell.secretary.actor.userId,
    email: `bithu${index + 1}.chibo@xa-na-hoi.example`,
    phone: String(84_900_000_001 + index),
  }));
  log(`  ${NOTIFICATION_CELLS} cells seeded (${round((Date.now() - seedStarted) / 1000, 0)} s)`);

  await setChannels(pg, large.committeeId, people, false);
  const warm = await answeredCycle(bench, large, { host: await freshHost(api, large, { withSecretary: true }), invited });
  log(`  warm-up cycle, channels off: launch ${round(warm.launchMs, 0)} ms, ${warm.rsvps.length} RSVPs p50 ${warm.summary.p50_ms} ms (not counted)`);

  await setChannels(pg, large.committeeId, people, true);
  const on = await answeredCycle(bench, large, { host, invited, deliveries: { pg, people, providers } });
  const d = on.delivery;
  log(
    `  channels on: last delivery final ${d.last_final_s ?? '–'} s after the launch request${d.complete ? '' : ` (INCOMPLETE after ${DELIVERY_TIMEOUT_MS / 1000} s: ${d.pending} notifications pending)`}; ` +
      `${d.messages} messages, ${d.deliveries_per_s} deliveries/s; RSVPs p50 ${on.summary.p50_ms} ms p99 ${on.summary.p99_ms} ms`,
  );

  await setChannels(pg, large.committeeId, people, false);
  const off = await answeredCycle(bench, large, { host: await freshHost(api, large, { withSecretary: true }), invited, deliveries: { pg, people: [], providers } });
  log(`  channels off: RSVPs p50 ${off.summary.p50_ms} ms p99 ${off.summary.p99_ms} ms; messages at the providers meanwhile: ${off.providerMessages}`);

  for (const cycle of [warm, on, off]) {
    await api.expect(200, 'POST', `/api/cycles/${cycle.id}/cancel`, { token: large.staff.token, body: cancelBody('Kết thúc đo hiệu năng thông báo') });
  }
  figures.snapshotMemory('notifications');

  const stretch = (cycle) => ({
    launch_ms: round(cycle.launchMs, 1),
    rsvps: cycle.summary,
    rsvp_steps_per_s: round(cycle.rsvps.length / (cycle.rsvpWallMs / 1000), 1),
    cpu: cycle.cpu,
    provider_messages: cycle.providerMessages,
  });
  const during = on.rsvps.filter((sample) => d.last_final_at !== null && sample.startedAt < d.last_final_at);
  return {
    cells: NOTIFICATION_CELLS,
    invited: invited.length,
    providers: { latency_ms: providers.latencyMs, zns_refused: 'phone numbers divisible by 3, error −118, then SMS' },
    settings: 'NOTIFY_QUIET_HOURS=off; NOTIFY_DISPATCH_INTERVAL_MS and every other setting at its default; no delivery reports from the providers (a delivery ends at SENT)',
    delivery: withoutClock(d),
    channels_on: { ...stretch(on), rsvps_during_deliveries: during.length, rsvps_during_deliveries_summary: summarise(during.map((sample) => sample.ms)) },
    channels_off: stretch(off),
    effect: {
      rsvp_p50_on_over_off: ratio(on.summary.p50_ms, off.summary.p50_ms),
      rsvp_p99_on_over_off: ratio(on.summary.p99_ms, off.summary.p99_ms),
      launch_on_over_off: ratio(on.launchMs, off.launchMs),
      extra_cpu_ms_per_notification: extraCpu(on, off, d.notifications),
    },
    load: {
      note: 'CPU used by processes outside the bench’s stack during each cycle, as a share of all cores',
      other_processes_pct_on: on.cpu.other_processes_pct,
      other_processes_pct_off: off.cpu.other_processes_pct,
      loadavg_at_start: loadAtStart,
      loadavg_at_end: loadAverage(),
    },
  };
}

/**
 * Email and phone for `people` and all three channels for the committee, or none of them: with no contact
 * the dispatcher starts no delivery at all, so "off" leaves nothing of the channels on the worker.
 */
async function setChannels(pg, committeeId, people, on) {
  const ids = people.map((person) => person.userId);
  if (on) {
    await pg.query(
      `UPDATE users AS u SET email = p.email, phone = p.phone, notify_channels = '{email,zalo,sms}'
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS p(id, email, phone) WHERE u.id = p.id`,
      [ids, people.map((person) => person.email), people.map((person) => person.phone)],
    );
    await pg.query(`UPDATE committees SET notify_channels = '{email,zalo,sms}' WHERE id = $1`, [committeeId]);
  } else {
    await pg.query(`UPDATE users SET email = NULL, phone = NULL WHERE id = ANY($1::uuid[])`, [ids]);
    await pg.query(`UPDATE committees SET notify_channels = '{}' WHERE id = $1`, [committeeId]);
  }
}

/**
 * One cycle launched with `host` and `invited`, then every invitation accepted, one RSVP after another; with
 * `deliveries`, the deliveries of its notifications are watched meanwhile and the CPU is read until both end.
 */
async function answeredCycle(bench, large, { host, invited, deliveries }) {
  const stopCpu = await bench.cpu.start();
  const rsvps = [];
  let launchMs = null;
  const onStep = ({ kind, ms }) => {
    if (kind === 'launch') launchMs = ms;
    else rsvps.push({ startedAt: Date.now() - ms, ms });
  };
  const sentAt = Date.now();
  const meetingAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const cycle = await launchCycle(bench.api, { committeeId: large.committeeId, staff: large.staff, invited, host }, { meetingAt, launch: BENCH_LAUNCH, onStep });
  const answering = (async () => {
    const started = Date.now();
    for (const [index, visitor] of invited.entries()) {
      bench.ensureAlive();
      await rsvp(cycle, visitor, acceptInvitationBody({ index }), { index, count: invited.length });
    }
    return Date.now() - started;
  })();
  const [rsvpWallMs, delivery] = await Promise.all([answering, deliveries?.people.length ? watchDeliveries(bench, cycle.id, deliveries, sentAt) : null]);
  const used = await stopCpu();
  const cpu = bench.figures.cpuSummary(used, rsvps.length + 1);
  bench.figures.foreignLoad.push(cpu.other_processes_pct);
  const arrived = deliveries ? deliveries.providers.since(sentAt) : null;
  const providerMessages = arrived ? arrived.email.length + arrived.zns.length + arrived.znsRefused.length + arrived.sms.length : null;
  return { id: cycle.id, launchMs, rsvps, rsvpWallMs, summary: summarise(rsvps.map((sample) => sample.ms)), cpu, delivery, providerMessages };
}

/**
 * Polls the cycle's notifications and their delivery rows until every person has a notification and each is
 * delivered: dispatched, an email row and a Zalo row, an SMS row where Zalo did not reach the person, all in
 * a final state. Times are the rows' own (PostgreSQL's clock, the bench's machine) from the launch request.
 */
async function watchDeliveries(bench, cycleId, { pg, people, providers }, sentAt) {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  const userIds = new Set(people.map((person) => person.userId));
  let rows = [];
  let pending = null;
  while (Date.now() < deadline) {
    bench.ensureAlive();
    ({ rows } = await pg.query(
      `SELECT n.id AS notification_id, n.user_id, n.reason, n.dispatched_at, d.id AS delivery_id, d.channel, d.status, d.attempts, d.error_code,
              d.created_at, d.updated_at, d.sent_at
         FROM notifications n LEFT JOIN notification_deliveries d ON d.notification_id = n.id
        WHERE n.cycle_id = $1 AND n.user_id = ANY($2::uuid[])`,
      [cycleId, [...userIds]],
    ));
    pending = pendingNotifications(rows, userIds);
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const deliveryIds = rows.map((row) => row.delivery_id).filter(Boolean);
  const { rows: attempts } = await pg.query(
    `SELECT outcome, code, count(*)::int AS n FROM notification_delivery_attempts WHERE delivery_id = ANY($1::uuid[]) GROUP BY outcome, code ORDER BY outcome, code`,
    [deliveryIds],
  );
  const workflows = await deliveryWorkflows(bench.client, new Set(rows.map((row) => row.notification_id)), sentAt);
  return { ...summariseDeliveries({ rows, attempts, people, pending, sentAt, arrived: providers.since(sentAt) }), workflows };
}

/**
 * The notifications' delivery workflows as Temporal's visibility has them: when the dispatcher started them
 * and when they closed (the rows' dispatched_at is the dispatcher's transaction start, the same for a batch).
 */
async function deliveryWorkflows(client, notificationIds, sentAt) {
  const seconds = (date) => (date ? round((date.getTime() - sentAt) / 1000, 2) : null);
  try {
    let found = [];
    // Visibility is written a moment after the history: ask again until every workflow shows as closed.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      found = [];
      for await (const execution of client.workflow.list({ query: `WorkflowType = 'notificationDelivery' AND StartTime >= '${new Date(sentAt).toISOString()}'` })) {
        if (notificationIds.has(execution.workflowId.replace(/^notification-delivery-/, ''))) found.push(execution);
      }
      if (found.length === notificationIds.size && found.every((execution) => execution.closeTime)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const starts = found.map((execution) => execution.startTime.getTime()).sort((a, b) => a - b);
    const closes = found.map((execution) => execution.closeTime?.getTime()).filter(Boolean).sort((a, b) => a - b);
    const at = (times, p) => (times.length ? seconds(new Date(percentile(times, p))) : null);
    return {
      count: found.length,
      statuses: countBy(found, (execution) => execution.status.name),
      first_started_s: at(starts, 0),
      last_started_s: at(starts, 100),
      closed_p50_s: at(closes, 50),
      closed_p90_s: at(closes, 90),
      last_closed_s: at(closes, 100),
    };
  } catch (error) {
    return { error: error.message };
  }
}

/** Notifications not yet delivered on every channel they should go by (people without one count as pending). */
function pendingNotifications(rows, userIds) {
  const byNotification = groupBy(rows, (row) => row.notification_id);
  const reached = new Set(rows.map((row) => row.user_id));
  let pending = [...userIds].filter((id) => !reached.has(id)).length;
  for (const group of byNotification.values()) {
    const channel = (name) => group.find((row) => row.channel === name);
    const allFinal = group.every((row) => row.channel === null || FINAL.has(row.status));
    const zalo = channel('zalo');
    const done = group[0].dispatched_at !== null && allFinal && channel('email') && zalo && (REACHED.has(zalo.status) || channel('sms'));
    if (!done) pending += 1;
  }
  return pending;
}

function summariseDeliveries({ rows, attempts, people, pending, sentAt, arrived }) {
  const deliveries = rows.filter((row) => row.channel !== null);
  const notifications = new Set(rows.map((row) => row.notification_id)).size;
  const seconds = (date) => (date ? round((date.getTime() - sentAt) / 1000, 2) : null);
  const finalAt = (row) => (FINAL.has(row.status) ? row.updated_at : null);
  const latest = (dates) => dates.filter(Boolean).reduce((last, date) => (!last || date > last ? date : last), null);
  const earliest = (dates) => dates.filter(Boolean).reduce((first, date) => (!first || date < first ? date : first), null);
  const dispatched = [...new Map(rows.map((row) => [row.notification_id, row.dispatched_at])).values()];
  const lastFinal = latest(deliveries.map(finalAt));
  // A notification is done when the last of its rows is final; what a person waited for, in the order of the rest.
  const done = [...groupBy(deliveries, (row) => row.notification_id).values()]
    .filter((group) => group.every((row) => FINAL.has(row.status)))
    .map((group) => latest(group.map(finalAt)).getTime())
    .sort((a, b) => a - b);
  const doneAt = (p) => (done.length ? round((percentile(done, p) - sentAt) / 1000, 2) : null);
  const byChannel = Object.fromEntries(
    CHANNELS.map((channel) => {
      const ofChannel = deliveries.filter((row) => row.channel === channel);
      const statuses = countBy(ofChannel, (row) => row.status);
      const errors = countBy(ofChannel.filter((row) => row.error_code), (row) => row.error_code);
      return [
        channel,
        {
          rows: ofChannel.length,
          statuses,
          error_codes: errors,
          attempts: ofChannel.reduce((sum, row) => sum + (row.attempts ?? 0), 0),
          first_final_s: seconds(earliest(ofChannel.map(finalAt))),
          last_final_s: seconds(latest(ofChannel.map(finalAt))),
        },
      ];
    }),
  );
  const refusedByRule = people.filter((person) => znsRefuses(person.phone)).length;
  const messages = arrived.email.length + arrived.zns.length + arrived.sms.length;
  const spanS = lastFinal ? (lastFinal.getTime() - sentAt) / 1000 : null;
  const firstDispatch = earliest(dispatched);
  const distinct = (entries) => new Set(entries.map((entry) => entry.to)).size;
  return {
    complete: pending === 0,
    pending,
    notifications,
    reasons: countBy([...new Map(rows.map((row) => [row.notification_id, row.reason])).values()], (reason) => reason),
    first_dispatched_s: seconds(firstDispatch),
    last_dispatched_s: seconds(latest(dispatched)),
    last_final_s: seconds(lastFinal),
    last_final_at: lastFinal ? lastFinal.getTime() : null,
    notification_done_p50_s: doneAt(50),
    notification_done_p90_s: doneAt(90),
    messages_per_10_s: perTenSeconds([...arrived.email, ...arrived.zns, ...arrived.sms].map((entry) => entry.at), sentAt),
    last_provider_arrival_s: round((Math.max(...Object.values(arrived).flat().map((entry) => entry.at), sentAt) - sentAt) / 1000, 2),
    messages,
    deliveries_per_s: spanS ? round(messages / spanS, 1) : null,
    deliveries_per_s_from_first_dispatch: lastFinal && firstDispatch ? round(messages / ((lastFinal - firstDispatch) / 1000), 1) : null,
    by_channel: byChannel,
    attempts: attempts.map((row) => ({ outcome: row.outcome, code: row.code, count: row.n })),
    providers: {
      emails: arrived.email.length,
      email_recipients: distinct(arrived.email),
      zns_accepted: arrived.zns.length,
      zns_refused: arrived.znsRefused.length,
      zns_phones: distinct([...arrived.zns, ...arrived.znsRefused]),
      sms: arrived.sms.length,
      sms_phones: distinct(arrived.sms),
      sms_repeated_request_ids: arrived.smsRepeated.length,
      token_refreshes: arrived.tokenRefreshes.length,
      unexpected_requests: arrived.unexpected.map((entry) => `${entry.provider}: ${entry.request}`),
    },
    expected: { emails: people.length, zns_accepted: people.length - refusedByRule, zns_refused: refusedByRule, sms: refusedByRule },
  };
}

/** The extra CPU (all processes of the stack, net of idle) of the cycle with channels on, per notification delivered. */
function extraCpu(on, off, notifications) {
  const total = (cycle) => (cycle.cpu.cpu_ms_per_step_total ?? 0) * (cycle.rsvps.length + 1);
  return notifications ? round((total(on) - total(off)) / notifications, 1) : null;
}

/** Messages the providers accepted in each 10 s from the launch request, to see a steady flow from a stall. */
function perTenSeconds(times, sentAt) {
  if (times.length === 0) return [];
  const buckets = Array.from({ length: Math.floor((Math.max(...times) - sentAt) / 10_000) + 1 }, () => 0);
  for (const at of times) buckets[Math.floor((at - sentAt) / 10_000)] += 1;
  return buckets;
}

function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const name = key(item);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(item);
  }
  return groups;
}

const countBy = (items, key) => Object.fromEntries([...groupBy(items, key)].map(([name, group]) => [name, group.length]));

/** The delivery's figures without the bench's own clock reading (kept only to split the RSVPs). */
const withoutClock = ({ last_final_at: _omitted, ...rest }) => rest;
