/**
 * The "Sync" section of `<ucrm-contact-details>` (issue 22): where the
 * contact stands in each third-party CRM — "Synced to HubSpot · 2 minutes
 * ago · Open in HubSpot", "Sync to Salesforce pending", "Sync to Zoho CRM
 * failed: … · Retry". Rendered only for a source that reports sync status
 * (`ContactSyncSource`); the element owns loading, retrying and announcing.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ContactSyncStatus } from '../../data/source.js';
import type { ContactSyncStrings } from '../../i18n/strings/contact-sync.js';
import type { Locale } from '../../i18n/localize.js';
import { formatDateTime } from '../shared/field-value.js';

export interface SyncSectionContext {
  /** The statuses, or undefined while the first answer is on its way. */
  items: readonly ContactSyncStatus[] | undefined;
  /** What the agent reads when the status could not be loaded (with a retry). */
  problem?: string;
  /** CRMs whose retry is on its way. */
  retrying: ReadonlySet<string>;
  s: ContactSyncStrings;
  locale: Locale;
  /** The time relative times are counted from (ms since the epoch). */
  now: number;
  retry: (crm: string) => void;
  reload: () => void;
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "2 minutes ago", "yesterday", "now": the largest whole unit, in the UI's language. */
export function relativeTime(iso: string, now: number, locale: string): string {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  const seconds = (Date.parse(iso) - now) / 1000;
  if (Number.isNaN(seconds)) return iso;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** The sentence for one CRM's status, as the list shows it and the live region announces it. */
export function syncLine(item: ContactSyncStatus, s: ContactSyncStrings): string {
  switch (item.state) {
    case 'synced':
      return s.synced(item.label);
    case 'pending':
      return s.pending(item.label);
    case 'failed':
      return s.failed(item.label, item.error?.trim() || s.noReason);
    case 'flagged':
      return s.flagged(item.label, item.error?.trim() || s.noReason);
  }
}

const dot = html`<span aria-hidden="true"> · </span>`;

function renderItem(item: ContactSyncStatus, ctx: SyncSectionContext): TemplateResult {
  const { s } = ctx;
  const when =
    item.state === 'synced' && item.syncedAt
      ? html`${dot}<time datetime=${item.syncedAt} title=${formatDateTime(item.syncedAt, ctx.locale) ?? item.syncedAt}
            >${relativeTime(item.syncedAt, ctx.now, ctx.locale)}</time
          >`
      : nothing;
  const link = item.url
    ? html`${dot}<a part="sync-link" href=${item.url} target="_blank" rel="noopener noreferrer">${s.open(item.label)}</a>`
    : nothing;
  const busy = ctx.retrying.has(item.crm);
  const retry =
    item.state === 'failed'
      ? html`${dot}<button
            type="button"
            part="sync-retry"
            aria-label=${s.retryLabel(item.label)}
            ?disabled=${busy}
            @click=${() => ctx.retry(item.crm)}
          >
            ${busy ? s.retrying : s.retry}
          </button>`
      : nothing;
  return html`<li part="sync-item sync-${item.state}" data-crm=${item.crm} data-state=${item.state}>
    <span part="sync-text">${syncLine(item, s)}</span>${when}${link}${retry}
  </li>`;
}

export function renderSyncSection(ctx: SyncSectionContext): TemplateResult {
  const { s, items } = ctx;
  let body: TemplateResult;
  if (ctx.problem) {
    body = html`<div part="sync-error" role="alert">
      <p>${ctx.problem}</p>
      <button type="button" part="sync-reload" @click=${() => ctx.reload()}>${s.retry}</button>
    </div>`;
  } else if (!items) {
    body = html`<p part="sync-message">${s.loading}</p>`;
  } else if (!items.length) {
    body = html`<p part="sync-message">${s.none}</p>`;
  } else {
    body = html`<ul part="sync-list">
      ${items.map((item) => renderItem(item, ctx))}
    </ul>`;
  }
  return html`<section part="sync" aria-labelledby="sync-title">
    <h3 id="sync-title">${s.title}</h3>
    ${body}
  </section>`;
}

export const syncStatusStyles = css`
  @layer ucrm {
    [part='sync-list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    [part~='sync-failed'] [part='sync-text'],
    [part~='sync-flagged'] [part='sync-text'],
    [part='sync-error'] p {
      color: var(--_danger);
    }
    [part~='sync-pending'] [part='sync-text'],
    [part='sync-message'],
    [part~='sync-item'] time {
      color: var(--_muted);
    }
    [part='sync-error'] p {
      margin: 0 0 calc(var(--_space) * 0.5);
    }
  }
`;
