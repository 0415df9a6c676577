import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { formatPhone } from '../src/core/identity/identity.js';
import type { Contact, CustomSection } from '../src/core/types.js';
import type { UcrmErrorEvent } from '../src/events.js';
import { fullViewImport, type UcrmContactCard } from '../src/components/ucrm-contact-card/ucrm-contact-card.js';
import '../src/define/ucrm-contact-card.js';
import { collectingWarnings, quietly } from './support/console.js';

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    firstName: 'Ana',
    lastName: 'Pérez',
    phones: ['+59899123456'],
    emails: ['ana@example.com'],
    identities: [
      { kind: 'phone', value: '+59899123456' },
      { kind: 'email', value: 'ana@example.com' },
      { kind: 'instagram', value: 'ana.ig' },
    ],
    tags: ['vip', 'wholesale'],
    notes: [
      { id: 'n1', text: 'Called about the invoice', author: 'Bruno', createdAt: '2026-03-01T10:00:00Z' },
      { id: 'n2', text: 'Wants a callback', author: 'Carla', createdAt: '2026-04-02T15:30:00Z' },
    ],
    custom: { plan: 'Gold', seats: 1234.5, renewal: '2026-12-31', active: true },
    blocked: false,
    unsubscribed: true,
    leadStage: 'Customer',
    owner: 'Marta Gómez',
    createdAt: '2025-01-15T09:00:00Z',
    updatedAt: '2026-04-02T15:30:00Z',
    ...overrides,
  };
}

const sections: CustomSection[] = [
  {
    id: 's1',
    title: 'Subscription',
    campaigns: [],
    fields: [
      { key: 'plan', label: 'Plan', type: 'select', options: ['Silver', 'Gold'] },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'renewal', label: 'Renewal', type: 'date' },
      { key: 'active', label: 'Active', type: 'checkbox' },
      { key: 'site', label: 'Web site', type: 'url' },
    ],
  },
];

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const text = (el: HTMLElement, selector: string) => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A definition list as "term value" strings, one per value, as a person reads them. */
const entries = (el: HTMLElement, part: string) =>
  $$(el, `[part~=${part}] > div`).flatMap((row) =>
    [...row.querySelectorAll('dd')].map(
      (dd) => `${row.querySelector('dt')!.textContent!.trim()} ${dd.textContent!.replace(/\s+/g, ' ').trim()}`,
    ),
  );
const seen = (el: HTMLElement) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

async function card(c: Contact, view = 'reduced', extra: Partial<UcrmContactCard> = {}) {
  const el = await fixture<UcrmContactCard>(
    html`<ucrm-contact-card view=${view} .contact=${c} .sections=${sections}></ucrm-contact-card>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

describe('<ucrm-contact-card>', () => {
  it('reduced: name, formatted phone, email, social identity, tags, lead stage, sections collapsed', async () => {
    const el = await card(contact());
    expect(el.view).to.equal('reduced');
    expect(text(el, '[part~=name]')).to.equal('Ana Pérez');
    expect(entries(el, 'identities')).to.deep.equal([
      'Phone +598 99 123 456',
      'Email ana@example.com',
      'Instagram ana.ig',
    ]);
    expect($$(el, '[part~=identity]')).to.have.length(3);
    expect($$(el, '[part~=tag]').map((t) => t.textContent)).to.deep.equal(['vip', 'wholesale']);
    expect(text(el, '[part~=lead-stage]')).to.contain('Customer');
    expect($(el, '[part~=blocked-badge]')).to.equal(null);

    const section = $(el, 'details[part~=section]') as HTMLDetailsElement;
    expect(section.open).to.equal(false);
    expect(text(el, '[part~=section-summary]')).to.equal('Subscription');
    expect(entries(el, 'section-fields')).to.include('Plan Gold');

    // Full-only content is absent.
    expect($(el, '[part~=notes]')).to.equal(null);
    expect($(el, '[part~=properties]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('formats custom field values through Intl and says when one is not set', async () => {
    const el = await card(contact());
    const fields = entries(el, 'section-fields');
    expect(fields).to.include('Seats 1,234.5');
    expect(fields).to.include('Renewal Dec 31, 2026');
    expect(fields).to.include('Active Yes');
    expect(fields).to.include('Web site Not set');
  });

  it('full: properties with localized dates, notes newest first, sections expanded', async () => {
    const el = await card(contact(), 'full');
    const properties = entries(el, 'properties');
    expect(properties).to.include('Owner Marta Gómez');
    expect(properties).to.include('Lead stage Customer');
    expect(properties).to.include('Unsubscribed Yes');
    expect(properties).to.include('Blocked No');
    const created = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2025-01-15T09:00:00Z'),
    );
    expect(properties).to.include(`Created ${created}`.replace(/\s+/g, ' '));

    const notes = $$(el, '[part~=note]');
    expect(notes.map((n) => n.querySelector('[part~=note-text]')!.textContent)).to.deep.equal([
      'Wants a callback',
      'Called about the invoice',
    ]);
    expect(notes[0].querySelector('[part~=note-meta]')!.textContent).to.contain('Carla');
    expect(($(el, 'details[part~=section]') as HTMLDetailsElement).open).to.equal(true);
    // Everything reduced shows is still there.
    expect($$(el, '[part~=tag]')).to.have.length(2);
    expect(entries(el, 'identities')).to.include('Phone +598 99 123 456');
    await expect(el).to.be.accessible();
  });

  it('full with no notes and no optional properties says so', async () => {
    const el = await card(contact({ notes: [], owner: undefined, leadStage: undefined, tags: [] }), 'full');
    expect(text(el, '[part~=notes]')).to.contain('No notes yet.');
    expect(entries(el, 'properties')).to.include('Owner Not set');
    expect($(el, '[part~=tags]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('switching view expands and collapses sections and shows notes', async () => {
    const el = await card(contact());
    el.view = 'full';
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('full');
    expect(($(el, 'details') as HTMLDetailsElement).open).to.equal(true);
    expect($(el, '[part~=notes]')).to.not.equal(null);
    el.view = 'reduced';
    await el.updateComplete;
    expect(($(el, 'details') as HTMLDetailsElement).open).to.equal(false);
  });

  it('shows a Blocked badge for a blocked contact', async () => {
    const el = await card(contact({ blocked: true }));
    expect(text(el, '[part~=blocked-badge]')).to.equal('Blocked');
    await expect(el).to.be.accessible();
    el.view = 'full';
    await el.updateComplete;
    expect(entries(el, 'properties')).to.include('Blocked Yes');
    await expect(el).to.be.accessible();
  });

  it('without a name falls back to the first phone, then email, then "Unnamed contact"', async () => {
    const el = await card(contact({ firstName: '', lastName: '  ' }));
    expect(text(el, '[part~=name]')).to.equal('+598 99 123 456');
    await expect(el).to.be.accessible();

    el.contact = contact({ firstName: '', lastName: '', phones: [], identities: [] });
    await el.updateComplete;
    expect(text(el, '[part~=name]')).to.equal('ana@example.com');

    el.contact = contact({ firstName: '', lastName: '', phones: [], emails: [], identities: [], tags: [] });
    await el.updateComplete;
    expect(text(el, '[part~=name]')).to.equal('Unnamed contact');
    expect($(el, '[part~=identities]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('emphasises the interaction ClientID, whatever its formatting', async () => {
    const el = await card(contact(), 'reduced', { highlight: { kind: 'phone', value: '+598 99 123 456' } });
    const highlighted = $$(el, '[part~=identity-highlight]');
    expect(highlighted).to.have.length(1);
    expect(highlighted[0].querySelector('mark')!.textContent).to.equal('+598 99 123 456');
    expect(highlighted[0].textContent).to.contain('(this interaction)');

    // Stored without the Brazilian 9th digit, rung in with it: still the one emphasised.
    el.contact = contact({ phones: ['+59899123456', '+551187654321'] });
    el.highlight = { kind: 'phone', value: '+5511987654321' };
    await el.updateComplete;
    expect($$(el, '[part~=identity-highlight]')).to.have.length(1);
    expect(text(el, '[part~=identity-highlight] mark')).to.equal(formatPhone('+551187654321'));

    el.highlight = { kind: 'instagram', value: 'ANA.IG' };
    await el.updateComplete;
    expect(text(el, '[part~=identity-highlight] mark')).to.equal('ana.ig');
    await expect(el).to.be.accessible();
  });

  it('renders markup in contact data as text, never as elements', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const el = await card(
      contact({
        firstName: evil,
        tags: ['<b>bold</b>'],
        notes: [{ id: 'x', text: evil, author: '<i>me</i>', createdAt: '2026-01-01T00:00:00Z' }],
        custom: { plan: '<a href="javascript:alert(1)">x</a>' },
      }),
      'full',
    );
    for (const tag of ['img', 'script', 'b', 'i', 'a']) expect($$(el, `[part~=card] ${tag}`)).to.have.length(0);
    expect($(el, '[part~=name]')!.textContent).to.contain('<img src=x');
    expect($(el, '[part~=note-text]')!.textContent).to.contain('<script>');
    expect($(el, '[part~=tag]')!.textContent).to.equal('<b>bold</b>');
    expect(seen(el)).to.contain('<a href="javascript:alert(1)">x</a>');
    expect((window as any).__pwned).to.equal(undefined);
  });

  it('speaks Spanish under lang="es", dates included', async () => {
    const wrapper = await fixture(html`<div lang="es">
      <ucrm-contact-card view="full" .contact=${contact({ blocked: true })} .sections=${sections}></ucrm-contact-card>
    </div>`);
    const el = wrapper.querySelector('ucrm-contact-card')!;
    await el.updateComplete;
    expect(entries(el, 'identities')).to.include('Teléfono +598 99 123 456');
    expect(text(el, '[part~=blocked-badge]')).to.equal('Bloqueado');
    expect(text(el, '[part~=lead-stage]')).to.contain('Cliente');
    expect(text(el, '[part~=notes] h3')).to.equal('Notas');
    const properties = entries(el, 'properties');
    expect(properties).to.include('Responsable Marta Gómez');
    expect(properties).to.include('Dado de baja Sí');
    const created = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2025-01-15T09:00:00Z'),
    );
    expect(properties).to.include(`Creado ${created}`.replace(/\s+/g, ' '));
    expect(entries(el, 'section-fields')).to.include('Seats 1234,5');
    await expect(el).to.be.accessible();
  });

  it('a bad view attribute: ucrm-error, a visible message, still renders reduced', async () => {
    const errors: UcrmErrorEvent[] = [];
    const { el, warnings } = await collectingWarnings(async (warnings) => ({
      warnings,
      el: await fixture<UcrmContactCard>(html`<ucrm-contact-card
        view="compact"
        .contact=${contact()}
        .sections=${sections}
        @ucrm-error=${(e: UcrmErrorEvent) => errors.push(e)}
      ></ucrm-contact-card>`),
    }));
    expect(errors).to.have.length(1);
    expect(errors[0].detail.operation).to.equal('attribute:view');
    expect(errors[0].detail.code).to.equal('invalid');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('view');
    expect(text(el, '[role=alert]')).to.contain('view="compact"');
    expect(el.view).to.equal('reduced');
    expect(el.getAttribute('view')).to.equal('reduced');
    expect(text(el, '[part~=name]')).to.equal('Ana Pérez');
    await expect(el).to.be.accessible();

    // A valid value takes the message away.
    el.setAttribute('view', 'full');
    await el.updateComplete;
    expect($(el, '[role=alert]')).to.equal(null);
    expect($(el, '[part~=notes]')).to.not.equal(null);
  });

  it('puts host buttons in the actions slot of the header', async () => {
    const el = await fixture<UcrmContactCard>(html`<ucrm-contact-card .contact=${contact()}>
      <button slot="actions">Edit</button>
    </ucrm-contact-card>`);
    const slot = $(el, '[part~=header] slot[name=actions]') as HTMLSlotElement;
    expect(slot.assignedElements().map((b) => b.textContent)).to.deep.equal(['Edit']);
    await expect(el).to.be.accessible();
  });

  it('renders only the sections it is given, and nothing without a contact', async () => {
    const el = await card(contact(), 'reduced', { sections: [] });
    expect($(el, '[part~=sections]')).to.equal(null);
    el.contact = undefined;
    await el.updateComplete;
    expect($(el, '[part~=card]')).to.equal(null);
  });
});

describe('<ucrm-contact-card> full view on demand', () => {
  const realImport = fullViewImport.load;
  afterEach(() => {
    fullViewImport.load = realImport;
  });

  /** The full view's import, held until the test releases (or fails) it. */
  function gateFullView() {
    const calls: { release: () => void; fail: () => void }[] = [];
    fullViewImport.load = () =>
      new Promise((resolve, reject) => {
        calls.push({
          release: () => resolve(realImport()),
          fail: () => reject(new TypeError('Failed to fetch dynamically imported module')),
        });
      });
    return calls;
  }

  it('first paint of the reduced view: the campaign sections read-only, nothing of the full view imported', async () => {
    const calls = gateFullView();
    const el = await card(contact());
    expect(calls, 'no import for a reduced view').to.have.length(0);
    expect(text(el, '[part~=section-summary]')).to.equal('Subscription');
    // Shown as text to read during the interaction, not as controls to edit.
    expect(entries(el, 'section-fields')).to.include.members(['Plan Gold', 'Seats 1,234.5', 'Active Yes']);
    expect($$(el, 'input, select, textarea, [contenteditable]')).to.have.length(0);
    expect($(el, '[part~=full-loading]')).to.equal(null);
    expect($(el, '[part~=card]')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('full: the reduced view at once, then properties and notes when their chunk arrives', async () => {
    const calls = gateFullView();
    // Not `fixture`: it awaits `updateComplete`, which waits for the chunk held here.
    const el = fixtureSync<UcrmContactCard>(
      html`<ucrm-contact-card view="full" .contact=${contact()} .sections=${sections}></ucrm-contact-card>`,
    );
    await waitUntil(() => calls.length === 1, 'the full view asked for its chunk');
    // What the reduced view shows is there while the rest loads.
    expect(text(el, '[part~=name]')).to.equal('Ana Pérez');
    expect(entries(el, 'section-fields')).to.include('Plan Gold');
    expect(($(el, 'details[part~=section]') as HTMLDetailsElement).open).to.equal(true);
    expect(text(el, '[part~=full-loading]')).to.equal('Loading…');
    expect($(el, '[part~=card]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part~=properties]')).to.equal(null);
    expect($(el, '[part~=notes]')).to.equal(null);
    await expect(el).to.be.accessible();

    calls[0].release();
    await el.updateComplete;
    expect(entries(el, 'properties')).to.include('Owner Marta Gómez');
    expect($$(el, '[part~=note-text]').map((n) => n.textContent)).to.deep.equal(['Wants a callback', 'Called about the invoice']);
    expect($(el, '[part~=full-loading]')).to.equal(null);
    expect($(el, '[part~=card]')!.getAttribute('aria-busy')).to.equal('false');
    // The chunk brings its own styles: a note is laid out as a block, not a bullet.
    expect(getComputedStyle($(el, '[part~=notes] ul')!).listStyleType).to.equal('none');
    await expect(el).to.be.accessible();
    expect(calls, 'imported once').to.have.length(1);
  });

  it('a full view chunk that fails to load says so with Retry, keeps the reduced view, and Retry brings it', async () => {
    const calls = gateFullView();
    const errors: UcrmErrorEvent[] = [];
    const { el, warnings } = await collectingWarnings(async (warnings) => {
      const mounted = fixtureSync<UcrmContactCard>(html`<ucrm-contact-card
        view="full"
        .contact=${contact()}
        .sections=${sections}
        @ucrm-error=${(e: UcrmErrorEvent) => errors.push(e)}
      ></ucrm-contact-card>`);
      await waitUntil(() => calls.length === 1, 'the full view asked for its chunk');
      calls[0].fail();
      await mounted.updateComplete;
      return { el: mounted, warnings };
    });
    expect(errors.map((e) => [e.detail.operation, e.detail.code])).to.deep.equal([['load', 'unavailable']]);
    expect(warnings).to.have.length(1);
    expect($(el, '[part~=error]')!.getAttribute('role')).to.equal('alert');
    expect(text(el, '[part~=error]')).to.contain('The properties and notes of this contact could not be loaded.');
    // Not a blank card: the contact and its sections are still there; no endless "Loading…".
    expect(text(el, '[part~=name]')).to.equal('Ana Pérez');
    expect(entries(el, 'section-fields')).to.include('Plan Gold');
    expect($(el, '[part~=full-loading]')).to.equal(null);
    await expect(el).to.be.accessible();

    // Another update does not import again: only Retry does.
    el.contact = contact({ firstName: 'Ana María' });
    await el.updateComplete;
    expect(calls).to.have.length(1);

    fullViewImport.load = realImport;
    ($(el, '[part~=retry-button]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '[part~=error]')).to.equal(null);
    expect(entries(el, 'properties')).to.include('Owner Marta Gómez');
    expect($$(el, '[part~=note]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('in Spanish, the failure is said in Spanish', async () => {
    const calls = gateFullView();
    const el = await quietly(async () => {
      const mounted = fixtureSync<UcrmContactCard>(
        html`<ucrm-contact-card lang="es" view="full" .contact=${contact()} .sections=${sections}></ucrm-contact-card>`,
      );
      await waitUntil(() => calls.length === 1, 'the full view asked for its chunk');
      calls[0].fail();
      await mounted.updateComplete;
      return mounted;
    });
    expect(text(el, '[part~=error]')).to.contain('No se pudieron cargar las propiedades y notas de este contacto.');
    expect(text(el, '[part~=retry-button]')).to.equal('Reintentar');
  });
});

