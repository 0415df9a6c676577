/**
 * The conversation's Intl formatters, made once per locale (a render of a
 * long list must not build them per row), and the day separators' labels:
 * "Today", "Yesterday", else the full date, in the agent's language.
 */
import { dayKey } from './message-rows.js';

export interface Formats {
  locale: string;
  time: Intl.DateTimeFormat;
  size: Intl.NumberFormat;
  dateTime: Intl.DateTimeFormat;
  list: Intl.ListFormat;
  date: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
}

export class ConversationFormats {
  private made?: Formats;

  /** The formatters of `locale` (the same objects while the locale stays). */
  of(locale: string): Formats {
    if (this.made?.locale !== locale) {
      this.made = {
        locale,
        time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
        size: new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
        dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
        list: new Intl.ListFormat(locale, { type: 'conjunction' }),
        date: new Intl.DateTimeFormat(locale, { dateStyle: 'full' }),
        relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      };
    }
    return this.made;
  }

  /** A day separator's label for the day of `at`, seen at `now`. */
  dayLabel(at: string, locale: string, now: number): string {
    const { date, relative } = this.of(locale);
    const today = new Date(now);
    const yesterday = dayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1, 12).toISOString());
    const key = dayKey(at);
    const word = key === dayKey(today.toISOString()) ? relative.format(0, 'day') : key === yesterday ? relative.format(-1, 'day') : undefined;
    return word ? word.charAt(0).toLocaleUpperCase(locale) + word.slice(1) : date.format(new Date(at));
  }
}
