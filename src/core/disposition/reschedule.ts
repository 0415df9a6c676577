/**
 * Reschedule date-times: the agent types a wall-clock time (what an
 * `<input type="datetime-local">` gives, `YYYY-MM-DDTHH:mm`) meant in *their*
 * IANA time zone; the host gets an absolute instant. Converting needs the
 * zone's offset at that moment, which daylight saving changes; `Intl` knows
 * every zone's rules, so no date library is needed.
 *
 * DST: a wall time inside a spring-forward gap does not exist (refused as
 * `nonexistent`); one inside a fall-back overlap happens twice (the earlier
 * is taken, like Temporal's `compatible` disambiguation, and flagged).
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for a time zone `Intl` knows (`America/Sao_Paulo`, `UTC`, ...). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The browser's own time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The wall-clock time in `timeZone` at `instant` (epoch ms). */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    // "BC" years count backwards; only relevant for absurd input, but keeps the function total.
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The wall time as if it were UTC, in epoch ms: the arithmetic base for offsets. */
function wallAsUtc(wall: WallTime): number {
  const date = new Date(Date.UTC(2000, 0, 1, wall.hour, wall.minute, wall.second));
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return date.getTime();
}

/** The zone's offset from UTC at `instant`, in ms (e.g. -3 h for São Paulo). */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallTimeAt(whole, timeZone)) - whole;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm`, the `datetime-local` value format. */
export function formatWallTime(wall: WallTime): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** Parses a `datetime-local` value; undefined when malformed or not a real calendar date. */
export function parseLocalDateTime(value: string): WallTime | undefined {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((n) => (n === undefined ? 0 : Number(n)));
  const wall = { year, month, day, hour, minute, second };
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // Date.UTC rolls 30 February over to March: a round trip catches it.
  const back = new Date(wallAsUtc(wall));
  if (back.getUTCFullYear() !== year || back.getUTCMonth() + 1 !== month || back.getUTCDate() !== day) return undefined;
  return wall;
}

export type ZonedInstant =
  | { kind: 'unique'; instant: number }
  /** Fall-back overlap: `instant` is the earlier of the two, `later` the other. */
  | { kind: 'ambiguous'; instant: number; later: number }
  /** Spring-forward gap: this wall time never shows on the zone's clocks. */
  | { kind: 'nonexistent' };

const DAY = 24 * 60 * 60 * 1000;

/**
 * The instant(s) at which clocks in `timeZone` show `wall`. Any offset in
 * force at that wall time is one in force a day before or after (zones do not
 * change offset twice within a day), so those are the only candidates.
 */
export function zonedToInstant(wall: WallTime, timeZone: string): ZonedInstant {
  const base = wallAsUtc(wall);
  const offsets = new Set([offsetAt(base - DAY, timeZone), offsetAt(base, timeZone), offsetAt(base + DAY, timeZone)]);
  const matches = [...offsets]
    .map((offset) => base - offset)
    .filter((instant) => wallAsUtc(wallTimeAt(instant, timeZone)) === base)
    .sort((a, b) => a - b);
  const unique = [...new Set(matches)];
  if (unique.length === 0) return { kind: 'nonexistent' };
  if (unique.length === 1) return { kind: 'unique', instant: unique[0] };
  return { kind: 'ambiguous', instant: unique[0], later: unique[unique.length - 1] };
}

export type RescheduleProblem = 'empty' | 'malformed' | 'time-zone' | 'nonexistent' | 'past';

export type RescheduleCheck =
  | { ok: true; instant: number; iso: string; ambiguous: boolean }
  | { ok: false; problem: RescheduleProblem };

/**
 * Validates a reschedule: `local` (a `datetime-local` value) read in
 * `timeZone` must be a real, future moment after `now` (epoch ms).
 * On success `iso` is the UTC ISO 8601 instant the host stores.
 */
export function validateReschedule(local: string, timeZone: string, now: number): RescheduleCheck {
  if (!isValidTimeZone(timeZone)) return { ok: false, problem: 'time-zone' };
  if (!local.trim()) return { ok: false, problem: 'empty' };
  const wall = parseLocalDateTime(local);
  if (!wall) return { ok: false, problem: 'malformed' };
  const zoned = zonedToInstant(wall, timeZone);
  if (zoned.kind === 'nonexistent') return { ok: false, problem: 'nonexistent' };
  // A repeated hour (clocks going back) means its earlier pass, unless that has
  // already gone by: an agent picking 01:30 during the second 01:00–02:00 means
  // the 01:30 still ahead of them.
  const instant = zoned.kind === 'ambiguous' && zoned.instant <= now ? zoned.later : zoned.instant;
  if (instant <= now) return { ok: false, problem: 'past' };
  return { ok: true, instant, iso: new Date(instant).toISOString(), ambiguous: zoned.kind === 'ambiguous' };
}

/**
 * The earliest value a picker should offer: the next whole minute after
 * `now`, on the wall clock of `timeZone` (for the input's `min`).
 */
export function minimumLocalDateTime(timeZone: string, now: number): string {
  const nextMinute = Math.floor(now / 60000) * 60000 + 60000;
  return formatWallTime(wallTimeAt(nextMinute, timeZone));
}

/** The zone's name for people, in `locale` ("Brasilia Standard Time"); the IANA id when Intl has none. */
export function timeZoneDisplayName(timeZone: string, locale: string, instant: number): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
