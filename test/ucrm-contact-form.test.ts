import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomSection } from '../src/core/types.js';
import type { UcrmContactSubmitEvent } from '../src/events.js';
import type { UcrmContactForm } from '../src/components/ucrm-contact-form/ucrm-contact-form.js';
import '../src/define/ucrm-contact-form.js';

const sections: CustomSection[] = [
  {
    id: 'sub',
    title: 'Subscription',
    campaigns: [],
    fields: [
      { key: 'plan', label: 'Plan', type: 'select', options: ['Silver', 'Gold'], required: true },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'renewal', label: 'Renewal', type: 'date' },
      { key: 'callback', label: 'Call back at', type: 'datetime' },
      { key: 'active', label: 'Active', type: 'checkbox' },
    ],
  },
  {
    id: 'web',
    title: 'Online',
    campaigns: ['c1'],
    fields: [
      { key: 'site', label: 'Web site', type: 'url' },
      { key: 'billing email', label: 'Billing email', type: 'email' },
      { key: 'alt', label: 'Other phone', type: 'phone' },
      { key: 'nick', label: 'Nickname', type: 'text' },
    ],
  },
];

const root = (el: HTMLElement) => el.shadowRoot!;
/** The control a person finds by its visible label. */
function byLabel(el: HTMLElement, label: string): HTMLInputElement {
  const found = [...root(el).querySelectorAll('label')].find(
    (l) => l.textContent!.replace(/\s+/g, ' ').trim() === label,
  );
  if (!found) throw new Error(`no label "${label}"`);
  return root(el).getElementById(found.htmlFor) as HTMLInputElement;
}
function messageOf(el: HTMLElement, control: HTMLElement): string | undefined {
  const id = control.getAttribute('aria-describedby');
  return id ? (root(el).getElementById(id)?.textContent ?? undefined) : undefined;
}
function type(control: HTMLInputElement | HTMLSelectElement, value: string | boolean) {
  if (typeof value === 'boolean') {
    (control as HTMLInputElement).checked = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (control instanceof HTMLSelectElement) {
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    control.value = value;
    control.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
}
const submitButton = (el: HTMLElement) => root(el).querySelector('[part~=submit]') as HTMLButtonElement;
const status = (el: HTMLElement) => root(el).querySelector('[role=status]')!.textContent!.trim();

async function form(extra: Partial<UcrmContactForm> = {}) {
  const el = await fixture<UcrmContactForm>(html`<ucrm-contact-form></ucrm-contact-form>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

/** Collects submit events; `submits.length` says whether one was fired. */
function listen(el: HTMLElement) {
  const submits: UcrmContactSubmitEvent[] = [];
  el.addEventListener('ucrm-contact-submit', (e) => submits.push(e));
  return submits;
}

describe('<ucrm-contact-form>', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('empty: labelled name, phone and email fields and a submit button', async () => {
    const el = await form();
    for (const label of ['First name', 'Last name', 'Phone 1', 'Email 1']) {
      expect(byLabel(el, label).value).to.equal('');
    }
    expect(byLabel(el, 'Phone 1').type).to.equal('tel');
    expect(byLabel(el, 'Email 1').type).to.equal('email');
    expect(submitButton(el).textContent!.trim()).to.equal('Create contact');
    expect(submitButton(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('prefills the ClientID as phone, email or a read-only channel identity', async () => {
    const el = await form({ initial: { phones: ['+59899123456'] } });
    expect(byLabel(el, 'Phone 1').value).to.equal('+59899123456');
    await expect(el).to.be.accessible();

    el.initial = { emails: ['ana@example.com'] };
    await el.updateComplete;
    expect(byLabel(el, 'Phone 1').value).to.equal('');
    expect(byLabel(el, 'Email 1').value).to.equal('ana@example.com');

    el.initial = { identities: [{ kind: 'instagram', value: 'ana.ig' }] };
    await el.updateComplete;
    const ig = byLabel(el, 'Instagram (from this interaction)');
    expect(ig.value).to.equal('ana.ig');
    expect(ig.readOnly).to.equal(true);
    expect(el.value.identities).to.deep.equal([{ kind: 'instagram', value: 'ana.ig' }]);
    await expect(el).to.be.accessible();
  });

  it('renders every custom field type as a labelled native control, prefilled from initial.custom', async () => {
    const el = await form({
      sections,
      initial: { custom: { plan: 'Gold', seats: 3, active: true, callback: '2026-05-01T12:30:00.000Z' } },
    });
    expect(root(el).querySelectorAll('fieldset[part~=section]')).to.have.length(2);
    const types = {
      Seats: 'number',
      Renewal: 'date',
      'Call back at': 'datetime-local',
      Active: 'checkbox',
      'Web site': 'url',
      'Billing email': 'email',
      'Other phone': 'tel',
      Nickname: 'text',
    };
    for (const [label, inputType] of Object.entries(types)) expect(byLabel(el, label).type).to.equal(inputType);
    const plan = byLabel(el, 'Plan (required)') as unknown as HTMLSelectElement;
    expect(plan.tagName).to.equal('SELECT');
    expect([...plan.options].map((o) => o.textContent)).to.deep.equal(['Choose…', 'Silver', 'Gold']);
    expect(plan.value).to.equal('Gold');
    expect(byLabel(el, 'Seats').value).to.equal('3');
    expect(byLabel(el, 'Active').checked).to.equal(true);
    // The stored instant shows in the agent's own time zone.
    const local = new Date('2026-05-01T12:30:00.000Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(byLabel(el, 'Call back at').value).to.equal(
      `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`,
    );
    await expect(el).to.be.accessible();
  });

  it('an empty submit asks for a name (or Create without name) and focuses the first name', async () => {
    const el = await form();
    const submits = listen(el);
    submitButton(el).click();
    await el.updateComplete;
    expect(submits).to.have.length(0);
    const first = byLabel(el, 'First name');
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    expect(messageOf(el, first)).to.equal('Enter a first or last name, or choose “Create without name”.');
    expect(root(el).activeElement).to.equal(first);
    expect(status(el)).to.equal('1 field needs attention.');
    await expect(el).to.be.accessible();

    type(byLabel(el, 'Last name'), 'Pérez');
    await el.updateComplete;
    expect(first.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('validates required, email, url and phone on submit; focus goes to the first invalid field', async () => {
    const el = await form({ sections, initial: { firstName: 'Ana' } });
    const submits = listen(el);
    type(byLabel(el, 'Email 1'), 'ana@');
    type(byLabel(el, 'Web site'), 'not a url');
    type(byLabel(el, 'Other phone'), 'call me');
    await el.updateComplete;
    submitButton(el).click();
    await el.updateComplete;
    expect(submits).to.have.length(0);
    const email = byLabel(el, 'Email 1');
    expect(messageOf(el, email)).to.equal('Enter an email address like name@example.com.');
    expect(messageOf(el, byLabel(el, 'Plan (required)'))).to.equal('This field is required.');
    expect(messageOf(el, byLabel(el, 'Web site'))).to.equal('Enter a web address starting with https://.');
    expect(messageOf(el, byLabel(el, 'Other phone'))).to.contain('Enter a phone number');
    expect(messageOf(el, byLabel(el, 'Nickname'))).to.equal(undefined);
    expect(root(el).activeElement).to.equal(email);
    expect(status(el)).to.equal('4 fields need attention.');
    // What was typed is all still there.
    expect(email.value).to.equal('ana@');
    expect(byLabel(el, 'Web site').value).to.equal('not a url');
    await expect(el).to.be.accessible();
  });

  it('validates a field on blur once it was changed, and clears the message when fixed', async () => {
    const el = await form();
    const email = byLabel(el, 'Email 1');
    email.focus();
    email.blur();
    await el.updateComplete;
    expect(messageOf(el, email), 'untouched field stays quiet').to.equal(undefined);

    email.focus();
    type(email, 'ana(at)example.com');
    email.blur();
    await el.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(messageOf(el, email)).to.contain('Enter an email address');

    type(email, 'ana@example.com');
    await el.updateComplete;
    expect(email.hasAttribute('aria-invalid')).to.equal(false);
    expect(messageOf(el, email)).to.equal(undefined);
  });

  it('refuses text in a number field (the browser keeps it out of the value)', async () => {
    const el = await form({ sections: [sections[0]], initial: { firstName: 'Ana', custom: { plan: 'Gold' } } });
    const seats = byLabel(el, 'Seats');
    seats.focus();
    await sendKeys({ type: '1e' });
    const submits = listen(el);
    submitButton(el).click();
    await el.updateComplete;
    expect(submits).to.have.length(0);
    expect(messageOf(el, byLabel(el, 'Seats'))).to.equal('Enter a number.');
  });

  it('a valid submit fires a cancelable, composed ucrm-contact-submit with the typed draft', async () => {
    const el = await form({
      sections,
      initial: { phones: ['+59899123456'], leadStage: 'Lead', custom: { legacy: 'kept' } },
    });
    const submits = listen(el);
    type(byLabel(el, 'First name'), '  Ana ');
    type(byLabel(el, 'Last name'), 'Pérez');
    type(byLabel(el, 'Email 1'), 'ana@example.com');
    type(byLabel(el, 'Plan (required)'), 'Silver');
    type(byLabel(el, 'Seats'), '12.5');
    type(byLabel(el, 'Renewal'), '2026-12-31');
    type(byLabel(el, 'Call back at'), '2026-06-01T09:15');
    type(byLabel(el, 'Active'), true);
    type(byLabel(el, 'Web site'), 'https://ana.example.com');
    type(byLabel(el, 'Billing email'), 'billing@example.com');
    await el.updateComplete;
    submitButton(el).click();
    await el.updateComplete;
    expect(submits).to.have.length(1);
    const event = submits[0];
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail.draft).to.deep.equal({
      leadStage: 'Lead',
      firstName: 'Ana',
      lastName: 'Pérez',
      phones: ['+59899123456'],
      emails: ['ana@example.com'],
      identities: [],
      custom: {
        legacy: 'kept',
        plan: 'Silver',
        seats: 12.5,
        renewal: '2026-12-31',
        callback: new Date('2026-06-01T09:15').toISOString(),
        active: true,
        site: 'https://ana.example.com',
        'billing email': 'billing@example.com',
      },
    });
    expect(el.value).to.deep.equal(event.detail.draft);
  });

  it('adds and removes phone rows; empty rows are left out of the draft', async () => {
    const el = await form({ initial: { phones: ['+59899123456'] } });
    (root(el).querySelector('[part~=phones] [part~=add-button]') as HTMLButtonElement).click();
    await el.updateComplete;
    const second = byLabel(el, 'Phone 2');
    expect(root(el).activeElement, 'focus goes to the new row').to.equal(second);
    type(second, '099 765 432');
    (root(el).querySelector('[part~=emails] [part~=add-button]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.value.phones).to.deep.equal(['+59899123456', '099 765 432']);
    expect(el.value.emails).to.deep.equal([]);

    const remove = [...root(el).querySelectorAll('[part~=remove-button]')].find(
      (b) => b.textContent!.trim() === 'Remove phone 1',
    ) as HTMLButtonElement;
    remove.click();
    await el.updateComplete;
    expect(byLabel(el, 'Phone 1').value).to.equal('099 765 432');
    expect(el.value.phones).to.deep.equal(['099 765 432']);
    await expect(el).to.be.accessible();
  });

  it('busy disables submit and shows progress, keeping every typed value', async () => {
    const el = await form({ sections, initial: { phones: ['+59899123456'] } });
    const submits = listen(el);
    type(byLabel(el, 'First name'), 'Ana');
    type(byLabel(el, 'Nickname'), 'Anita');
    type(byLabel(el, 'Plan (required)'), 'Gold');
    await el.updateComplete;
    el.busy = true;
    await el.updateComplete;
    expect(el.hasAttribute('busy')).to.equal(true);
    expect(submitButton(el).disabled).to.equal(true);
    expect(root(el).querySelector('[part~=progress]')).to.not.equal(null);
    expect(status(el)).to.equal('Saving…');
    root(el).querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(submits, 'no submit while busy').to.have.length(0);
    await expect(el).to.be.accessible();

    el.busy = false;
    await el.updateComplete;
    expect(byLabel(el, 'First name').value).to.equal('Ana');
    expect(byLabel(el, 'Nickname').value).to.equal('Anita');
    expect((byLabel(el, 'Plan (required)') as unknown as HTMLSelectElement).value).to.equal('Gold');
    expect(byLabel(el, 'Phone 1').value).to.equal('+59899123456');
    expect(submitButton(el).disabled).to.equal(false);
  });

  it('keeps typed values across re-renders, sections updates and an equal prefill; a new prefill or reset() clears them', async () => {
    const el = await form({ sections: [sections[0]], initial: { phones: ['+59899123456'] } });
    type(byLabel(el, 'First name'), 'Ana');
    type(byLabel(el, 'Seats'), '7');
    await el.updateComplete;

    el.requestUpdate();
    await el.updateComplete;
    el.sections = [...sections];
    await el.updateComplete;
    el.initial = { phones: ['+59899123456'] }; // a parent re-render assigning the same prefill
    await el.updateComplete;
    el.setAttribute('lang', 'es');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    el.removeAttribute('lang');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(byLabel(el, 'First name').value).to.equal('Ana');
    expect(byLabel(el, 'Seats').value).to.equal('7');
    expect(byLabel(el, 'Nickname').value).to.equal('');

    el.initial = { phones: ['+5491122334455'] }; // a new interaction
    await el.updateComplete;
    expect(byLabel(el, 'First name').value).to.equal('');
    expect(byLabel(el, 'Seats').value).to.equal('');
    expect(byLabel(el, 'Phone 1').value).to.equal('+5491122334455');

    type(byLabel(el, 'First name'), 'Bea');
    await el.updateComplete;
    el.reset();
    await el.updateComplete;
    expect(byLabel(el, 'First name').value).to.equal('');
    expect(byLabel(el, 'Phone 1').value).to.equal('+5491122334455');
  });

  it('keyboard only: Tab reaches every control, Enter in a text field submits', async () => {
    const el = await form({ sections: [sections[1]] });
    const submits = listen(el);
    const reached: string[] = [];
    // Tab through from the page into the form and all the way to the submit button.
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = root(el).activeElement as HTMLElement | null;
      if (active) reached.push(active.id || active.getAttribute('part')!);
    }
    expect(reached).to.include.members([
      'firstName',
      'lastName',
      'phone-0',
      'add-button',
      'email-0',
      'custom-site',
      'custom-billing_20_email',
      'custom-alt',
      'custom-nick',
      'submit',
    ]);

    byLabel(el, 'First name').focus();
    await sendKeys({ type: 'Ana' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(submits).to.have.length(1);
    expect(submits[0].detail.draft.firstName).to.equal('Ana');
  });

  it('Enter on an empty form creates nothing and explains; so does Enter with only a phone', async () => {
    const el = await form();
    const submits = listen(el);
    byLabel(el, 'First name').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(submits, 'nothing created').to.have.length(0);
    const first = byLabel(el, 'First name');
    expect(messageOf(el, first)).to.contain('Create without name');
    expect(status(el)).to.equal('1 field needs attention.');
    expect(root(el).activeElement).to.equal(first);
    await expect(el).to.be.accessible();

    // A phone alone is not a name: Enter in the phone field still creates nothing.
    byLabel(el, 'Phone 1').focus();
    await sendKeys({ type: '+59899111222' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(submits, 'still nothing').to.have.length(0);
    expect(byLabel(el, 'Phone 1').value, 'typed value kept').to.equal('+59899111222');
  });

  it('Create without name is an explicit action: it creates a nameless contact with the phone', async () => {
    const el = await form({ initial: { phones: ['+5491122334455'] } });
    const submits = listen(el);
    const unnamed = root(el).querySelector<HTMLButtonElement>('[part~=create-unnamed]')!;
    expect(unnamed.textContent!.trim()).to.equal('Create without name');
    // Keyboard: Tab reaches it after the submit button; Enter on it creates.
    submitButton(el).focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(unnamed);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(submits).to.have.length(1);
    expect(submits[0].detail.draft).to.include({ firstName: '', lastName: '' });
    expect(submits[0].detail.draft.phones).to.deep.equal(['+5491122334455']);
    await expect(el).to.be.accessible();
  });

  it('Create without name still needs a phone, an email or a channel identity', async () => {
    const el = await form();
    const submits = listen(el);
    root(el).querySelector<HTMLButtonElement>('[part~=create-unnamed]')!.click();
    await el.updateComplete;
    expect(submits).to.have.length(0);
    const phone = byLabel(el, 'Phone 1');
    expect(messageOf(el, phone)).to.equal('A contact without a name needs a phone or an email.');
    expect(root(el).activeElement).to.equal(phone);
    await expect(el).to.be.accessible();
    type(byLabel(el, 'Email 1'), 'x@example.org');
    await el.updateComplete;
    expect(phone.hasAttribute('aria-invalid'), 'cleared once reachable').to.equal(false);

    const social = await form({ initial: { identities: [{ kind: 'instagram', value: 'ana.ig' }] } });
    const more = listen(social);
    root(social).querySelector<HTMLButtonElement>('[part~=create-unnamed]')!.click();
    await social.updateComplete;
    expect(more).to.have.length(1);
    expect(more[0].detail.draft.identities).to.deep.equal([{ kind: 'instagram', value: 'ana.ig' }]);
  });

  it('Spanish and Portuguese say the same', async () => {
    for (const [lang, text] of [
      ['es', 'Crear sin nombre'],
      ['pt', 'Criar sem nome'],
    ] as const) {
      document.documentElement.lang = lang;
      const el = await form();
      submitButton(el).click();
      await el.updateComplete;
      expect(root(el).querySelector('[part~=create-unnamed]')!.textContent!.trim()).to.equal(text);
      expect(messageOf(el, byLabel(el, lang === 'es' ? 'Nombre' : 'Nome'))).to.contain(text);
    }
  });

  it('uses submitLabel when given', async () => {
    const el = await form({ submitLabel: 'Save and link' });
    expect(submitButton(el).textContent!.trim()).to.equal('Save and link');
  });

  it('speaks Spanish under lang="es", messages included', async () => {
    const wrapper = await fixture(html`<div lang="es"><ucrm-contact-form></ucrm-contact-form></div>`);
    const el = wrapper.querySelector('ucrm-contact-form')!;
    await el.updateComplete;
    expect(byLabel(el, 'Nombre').id).to.equal('firstName');
    expect(byLabel(el, 'Apellido').id).to.equal('lastName');
    expect(byLabel(el, 'Teléfono 1').id).to.equal('phone-0');
    expect(byLabel(el, 'Correo electrónico 1').id).to.equal('email-0');
    expect(submitButton(el).textContent!.trim()).to.equal('Crear contacto');
    submitButton(el).click();
    await el.updateComplete;
    expect(messageOf(el, byLabel(el, 'Nombre'))).to.equal('Ingresa un nombre o un apellido, o elige “Crear sin nombre”.');
    await expect(el).to.be.accessible();
  });
});
