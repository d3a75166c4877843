// Each endpoint is fuzzed on cycles that can take its step, so there must always be one ready: made before the first case, brought on or made anew later.
import { DAY } from './values.js';
import type { Lane } from './model.js';
import type { Target } from './targets.js';
import { mapLimit, type World, type WorldSize } from './world.js';

/** Enough cells for `runs` cases per endpoint, since a cell hosts one open cycle at a time, and enough guests for the widest cycle. */
export const worldSize = (runs: number): WorldSize => ({ visitors: 24, hosts: runs + 30, guests: 40 });

/** The cycles the endpoints start from, in numbers for `runs` cases each: host picks, guest lists, reschedules, wide RSVPs, and another commune's. */
export async function stockLanes(world: World, runs: number): Promise<void> {
  const launches: (() => Promise<Lane>)[] = [];
  const visitors = world.visitorCells;
  const trio = (index: number) => [0, 1, 2].map((offset) => visitors[(index * 3 + offset) % visitors.length]);
  for (let index = 0; index < Math.ceil(0.7 * runs) + 4; index += 1) {
    launches.push(() => world.launch('hostPick', { host: false, invited: trio(index), meetingAt: Date.now() + 6000 }));
  }
  for (let index = 0; index < Math.ceil(runs / 12) + 2; index += 1) {
    launches.push(() => world.launch('guests', { host: false, invited: trio(index + 1), meetingAt: Date.now() + 30 * DAY }));
  }
  for (let index = 0; index < Math.ceil(runs / 7) + 2; index += 1) {
    launches.push(() => world.launch('resched', { host: index % 2 === 0, invited: trio(index + 2), meetingAt: Date.now() + 20 * DAY }));
  }
  for (let index = 0; index < Math.ceil(runs / 60) + 1; index += 1) {
    launches.push(async () => {
      const lane = await world.launch('wide-rsvp', { host: true, invited: visitors, meetingAt: Date.now() + 25 * DAY });
      await world.advance(lane, (candidate) => candidate.status === 'SCHEDULED');
      return lane;
    });
  }
  launches.push(() => world.launchForeign());
  await mapLimit(launches, 6, (launch) => launch());
}

/**
 * The cycle the target's next cases go to: the one it prefers among those that fit, else one brought there
 * with valid steps, else one made anew. Tainted cycles, and those in `awaitingCheck`, are not used.
 */
export async function acquireLane(world: World, target: Target, awaitingCheck: ReadonlySet<Lane>): Promise<Lane> {
  const usable = (lane: Lane) => !lane.tainted && !awaitingCheck.has(lane);
  const best = () =>
    world.lanes
      .filter((lane) => usable(lane) && target.fits!(lane, world))
      .sort((a, b) => (target.preference?.(a) ?? 0) - (target.preference?.(b) ?? 0))[0];
  let lane = best();
  if (lane) return lane;
  if (target.convert) {
    const convert = target.convert;
    const convertible = world.lanes.filter((candidate) => usable(candidate) && convert.from(candidate, world)).slice(0, 6);
    await mapLimit(convertible, 3, (candidate) => world.advance(candidate, (moved) => convert.to(moved), convert.options));
    lane = best();
    if (lane) return lane;
  }
  if (target.replenish) {
    await target.replenish(world, 4);
    lane = best();
    if (lane) return lane;
  }
  throw new Error(`no cycle left for ${target.name}`);
}
