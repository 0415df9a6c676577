/**
 * A campaign's opening hours: transfer targets show a campaign open (green)
 * or closed (red) by them (seed 002). A campaign without hours is always open.
 */
import type { CampaignHours } from '../types.js';
import { wallTimeAt } from '../disposition/index.js';

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function isOpenAt(hours: CampaignHours | undefined, instant: number): boolean {
  if (!hours) return true;
  const wall = wallTimeAt(instant, hours.timeZone);
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  const minutes = wall.hour * 60 + wall.minute;
  return hours.weekly.some((slot) => slot.day === day && minutes >= minutesOf(slot.from) && minutes < minutesOf(slot.to));
}
