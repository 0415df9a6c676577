/**
 * The demo host page: a contact-center screen with an "incoming interaction"
 * simulator on the left, the ucrm widgets in the middle, and every ucrm-*
 * event they fire on the right. It talks to the widgets only the way a real
 * host would: the shared `activeInteraction` store, attributes and events.
 */
import '../src/define/ucrm-provider.js';
import '../src/define/ucrm-interaction-view.js';
import type { Campaign, InteractionContext } from '../src/core/types.js';
import { setDefaultSource } from '../src/data/default-source.js';
import { DEMO_FIXTURES, DEMO_INTERACTIONS } from '../src/data/demo-data.js';
import { createLocalSource } from '../src/data/local-source.js';
import { setActiveInteraction } from '../src/state/interaction-store.js';
import { wireLifecycle } from './lifecycle.js';
import { wirePages } from './pages.js';
import { wireWorkspace } from './workspace.js';

const DB_NAME = 'ucrm-demo';

/** ~2,000 generated contacts, written to IndexedDB on the first visit only. */
const source = createLocalSource({ demo: true, name: DB_NAME });
setDefaultSource(source);

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const provider = $<HTMLElement & { source: unknown }>('#provider');
const view = $<HTMLElement & { view: string; autoCreate: boolean }>('#view');
const ringForm = $<HTMLFormElement>('#ring-form');
provider.source = source;
wirePages();
wireWorkspace(source);

interface Preset {
  label: string;
  hint?: string;
  context: InteractionContext | (Omit<InteractionContext, 'channel'> & { channel: string });
}

const PRESETS: Preset[] = [
  { label: 'Known ContactID', context: DEMO_INTERACTIONS.knownContactId },
  { label: 'Unique phone, another format', hint: 'region UY', context: DEMO_INTERACTIONS.uniquePhoneOtherFormat },
  { label: 'Shared phone (family)', hint: 'two candidates', context: DEMO_INTERACTIONS.sharedPhone },
  { label: 'Brazil, with the 9th digit', hint: 'stored without it', context: DEMO_INTERACTIONS.brazilNinthDigit },
  { label: 'Argentina, national 15 form', hint: 'stored without the 9', context: DEMO_FIXTURES.argentinaMobile.ring },
  { label: 'Mexico, old +52 1 prefix', context: DEMO_INTERACTIONS.mexicoOldPrefix },
  { label: 'Known email, mixed case', context: DEMO_INTERACTIONS.knownEmail },
  { label: 'Instagram id', context: DEMO_INTERACTIONS.instagram },
  { label: 'Unknown WhatsApp number', hint: 'create form', context: DEMO_INTERACTIONS.unknownWhatsApp },
  { label: 'Unknown email', hint: 'create form', context: DEMO_INTERACTIONS.unknownEmail },
  { label: 'Anonymous web chat', hint: 'try auto-create', context: DEMO_INTERACTIONS.anonymousWebchat },
  { label: 'Invalid number', context: DEMO_INTERACTIONS.invalidNumber },
  { label: 'Unknown channel', hint: 'reported, still works', context: { channel: 'fax', clientId: '+598 99 555 123' } },
];

/** Every ring is a new interaction, even for the same caller. */
function ring(context: Preset['context']): void {
  setActiveInteraction({ ...(context as InteractionContext), interactionId: crypto.randomUUID() });
}

function fillForm(context: Preset['context']): void {
  const fields = ringForm.elements as unknown as Record<string, HTMLInputElement | HTMLSelectElement>;
  fields['channel'].value = context.channel;
  fields['clientId'].value = context.clientId ?? '';
  fields['contactId'].value = context.contactId ?? '';
  fields['campaign'].value = context.campaign ?? '';
}

function renderPresets(): void {
  const list = $('#presets');
  for (const preset of PRESETS) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.append(preset.label);
    const note = document.createElement('small');
    const { channel, clientId, contactId } = preset.context;
    note.textContent = [channel, clientId ?? `contact-id ${contactId}`, preset.hint].filter(Boolean).join(' · ');
    button.append(note);
    button.addEventListener('click', () => {
      fillForm(preset.context);
      ring(preset.context);
    });
    item.append(button);
    list.append(item);
  }
}

ringForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(ringForm);
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  ring({ channel: text('channel') ?? 'phone', clientId: text('clientId'), contactId: text('contactId'), campaign: text('campaign') });
});
let campaigns: Campaign[] = [];
wireLifecycle(() => campaigns);

$<HTMLInputElement>('#full-view').addEventListener('change', (event) => {
  view.view = (event.target as HTMLInputElement).checked ? 'full' : 'reduced';
});
$<HTMLInputElement>('#auto-create').addEventListener('change', (event) => {
  view.autoCreate = (event.target as HTMLInputElement).checked;
});
$<HTMLSelectElement>('#lang').addEventListener('change', (event) => {
  document.documentElement.lang = (event.target as HTMLSelectElement).value;
});
// Embedded data, or the reference server through the provider's api-base
// (the view then pops with one HTTP request; stop the server to see the error and Retry).
function useDataSource(kind: string): void {
  if (kind === 'server') {
    provider.source = undefined;
    provider.setAttribute('api-base', $<HTMLInputElement>('#api-base').value);
  } else {
    provider.removeAttribute('api-base');
    provider.source = source;
  }
}
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=data]')) {
  radio.addEventListener('change', () => useDataSource(radio.value));
}
$<HTMLInputElement>('#api-base').addEventListener('change', () => {
  if ($<HTMLInputElement>('input[name=data][value=server]').checked) useDataSource('server');
});
$('#reset-data').addEventListener('click', () => {
  // The open source closes its connection when another one deletes the database.
  const request = indexedDB.deleteDatabase(DB_NAME);
  request.onsuccess = request.onerror = request.onblocked = () => location.reload();
});

// ── The event log: what a host integration would listen to ─────────────────
const EVENTS = [
  'ucrm-resolved',
  'ucrm-contact-selected',
  'ucrm-contact-created',
  'ucrm-client-id-assigned',
  'ucrm-contact-updated',
  'ucrm-disposition-saved',
  'ucrm-wrap-up-end',
  'ucrm-interaction-start',
  'ucrm-interaction-open',
  'ucrm-interaction-taken',
  'ucrm-interaction-finished',
  'ucrm-interaction-closed',
  'ucrm-panel-request',
  'ucrm-error',
] as const;

/** A short, readable detail: contacts by id and name instead of the whole record. */
function summarize(detail: unknown): unknown {
  return JSON.parse(
    JSON.stringify(detail, (key, value: unknown) => {
      if (value && typeof value === 'object' && 'firstName' in value && 'id' in value) {
        const contact = value as { id: string; firstName: string; lastName: string };
        return `${contact.id} (${`${contact.firstName} ${contact.lastName}`.trim()})`;
      }
      return key === 'sections' ? undefined : value;
    }),
  );
}

const log = $<HTMLOListElement>('#event-log');
for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    const type = document.createElement('span');
    type.className = name === 'ucrm-error' ? 'type error' : 'type';
    type.textContent = `${new Date().toLocaleTimeString()} ${name}`;
    const detail = document.createElement('pre');
    detail.textContent = JSON.stringify(summarize((event as CustomEvent).detail), null, 1);
    item.append(type, detail);
    log.prepend(item);
  });
}
$('#clear-log').addEventListener('click', () => log.replaceChildren());

// ── Campaigns and data status ───────────────────────────────────────────────
renderPresets();
void source.ready.then(async () => {
  campaigns = await source.listCampaigns();
  const select = $<HTMLSelectElement>('#campaign');
  for (const campaign of campaigns) select.add(new Option(`${campaign.name} (${campaign.id})`, campaign.id));
  const status = $('#data-status');
  status.textContent = source.persistenceError
    ? `in memory only (${source.persistenceError.message})`
    : `~2,000 generated contacts, kept in IndexedDB "${DB_NAME}" (changes survive a reload)`;
});
