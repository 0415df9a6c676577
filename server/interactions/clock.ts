/**
 * The workspace's time. Production reads the system clock; test mode uses
 * an adjustable one, so the server tests move past a presence grace period
 * or a wrap-up without waiting (`POST /__test/interactions/clock`).
 */
export interface ServerClock {
  now(): number;
}

export const systemClock: ServerClock = { now: () => Date.now() };

/** The system clock plus an offset that only grows. */
export class AdjustableClock implements ServerClock {
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  advance(ms: number): number {
    this.offset += Math.max(0, ms);
    return this.now();
  }
}
