/**
 * The simulated carrier behind the call stories: no traffic, a clock that
 * moves only when a story moves it (so timers and "open by hours" read the
 * same on every run: Sunday 2030-01-06 15:00 UTC, when Sales and Collections
 * are closed), and drivers that put a call in each state.
 */
import type { SimClock, SimulatedInteractionSource } from '../src/data/interactions/simulated-source.js';
import { DEMO_FIXTURES } from '../src/data/demo-data.js';
import { storySimulator } from './workspace-samples.js';

/** A clock that moves only by `tick`, running the timers that fall due. */
export class StoryClock implements SimClock {
  #timers = new Map<number, { at: number; callback: () => void }>();
  #next = 1;
  constructor(public time = Date.parse('2030-01-06T15:00:00Z')) {}
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): number {
    const id = this.#next++;
    this.#timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  tick(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = target;
  }
}

/** The desk: Alex (this agent), Ana available, Luis on a break, Carla disconnected. */
export function callSimulator(clock = new StoryClock()) {
  const sim = storySimulator({
    clock,
    agents: [
      { id: 'agent-1', name: 'Alex Morgan', capacity: { phone: 25 } },
      { id: 'agent-2', name: 'Ana Pérez' },
      { id: 'agent-3', name: 'Luis Silva', presence: 'break' },
      { id: 'agent-4', name: 'Carla Souza', presence: 'disconnected' },
    ],
  });
  return { sim, clock };
}

/** An inbound call to Sales (assigned by hand), ringing in Pending. */
export async function ringingCall(sim: SimulatedInteractionSource, clientId = DEMO_FIXTURES.familyParent.ring.clientId!) {
  return (await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId }))!;
}

/** A call the agent answered `seconds` ago. */
export async function connectedCall(sim: SimulatedInteractionSource, clock: StoryClock, seconds = 135) {
  const call = await ringingCall(sim);
  await sim.take(call.id);
  clock.tick(seconds * 1000);
  return call;
}

/** `count` calls sent one by one to the agent's conference room. */
export async function conferenceOf(sim: SimulatedInteractionSource, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'sales', clientId: `+5982900${String(1000 + i)}` }))!;
    await sim.take(call.id);
    await sim.sendToConference(call.id);
    ids.push(call.id);
  }
  return ids;
}

/** The first match of `selector` in `el`'s shadow root once the element has loaded it (a story's play waits for it). */
export async function shadowPart<T extends HTMLElement>(el: Element, selector: string): Promise<T> {
  for (let frame = 0; frame < 300; frame++) {
    const found = el.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`${selector} never appeared`);
}
