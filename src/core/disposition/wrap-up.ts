/**
 * Wrap-up countdown arithmetic. The deadline is an absolute instant (epoch
 * ms), so re-rendering or re-mounting a timer never restarts the period.
 * Time comes from a `Clock` so tests can drive it without waiting.
 */

/** Where a countdown reads the time and schedules its ticks. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A deadline as given by a host: epoch ms (number or numeric string) or an
 * ISO 8601 date-time with a zone. Undefined when it is neither.
 */
export function parseDeadline(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // Without an explicit zone, Date.parse reads local time; a deadline must be absolute.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Whole seconds left, rounded up: the display shows 00:01 until the very end. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** How long until the displayed second changes (so ticks land on second boundaries). */
export function nextTickDelay(deadline: number, now: number): number {
  const remaining = deadline - now;
  if (remaining <= 0) return 0;
  return remaining % 1000 || 1000;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `mm:ss`, or `h:mm:ss` from an hour up. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** "1 minute, 30 seconds" in `locale`, for screen readers. */
export function formatDuration(seconds: number, locale: string): string {
  const units = [
    ['hour', Math.floor(seconds / 3600)],
    ['minute', Math.floor((seconds % 3600) / 60)],
    ['second', seconds % 60],
  ] as const;
  const parts = units
    .filter(([unit, value]) => value > 0 || (unit === 'second' && seconds === 0))
    .map(([unit, value]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value));
  return new Intl.ListFormat(locale, { style: 'long', type: 'unit' }).format(parts);
}
