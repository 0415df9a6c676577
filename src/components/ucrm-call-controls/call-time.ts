/**
 * The call timer's text: `mm:ss` (or `h:mm:ss`) with the locale's digits via
 * `Intl.NumberFormat`, and the spoken form (via `Intl` units) for screen
 * readers. Whole seconds since the call started, on the element's clock.
 */
import { formatDuration } from '../../core/disposition/index.js';

const twoDigits = new Map<string, Intl.NumberFormat>();

function pad(locale: string): Intl.NumberFormat {
  let format = twoDigits.get(locale);
  if (!format) twoDigits.set(locale, (format = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false })));
  return format;
}

/** Whole seconds from `startedAt` (ISO) to `now` (or to `endedAt` once the call ended); 0 if unknown. */
export function elapsedSeconds(startedAt: string | undefined, now: number, endedAt?: string): number {
  const start = startedAt ? Date.parse(startedAt) : NaN;
  const end = endedAt ? Date.parse(endedAt) : now;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 0;
  return Math.max(0, Math.floor((end - start) / 1000));
}

/** `01:05`, `1:00:05`. */
export function formatClock(seconds: number, locale: string): string {
  const f = pad(locale);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${new Intl.NumberFormat(locale).format(h)}:${f.format(m)}:${f.format(s)}` : `${f.format(m)}:${f.format(s)}`;
}

/** `PT1M5S`, for `<time datetime>`. */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

export { formatDuration as spokenDuration };

/** Milliseconds until the shown second changes, from the call's start. */
export function nextSecondIn(startedAt: string | undefined, now: number): number {
  const start = startedAt ? Date.parse(startedAt) : NaN;
  if (!Number.isFinite(start)) return 1000;
  const into = (now - start) % 1000;
  return into < 0 ? -into || 1000 : 1000 - into;
}
