import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-contact-directory.js';
import '../src/define/ucrm-provider.js';
import type { UcrmContactDirectory } from '../src/components/ucrm-contact-directory/ucrm-contact-directory.js';
import type { ContactFilter } from '../src/core/filters/filter.js';
import type { Contact, FieldDef } from '../src/core/types.js';
import { blankContact } from './support/contacts.js';
import { collectingWarnings } from './support/console.js';
import { $, $$, names, rows, settle, status, type } from './support/directory-harness.js';

const fields: FieldDef[] = [{ key: 'score', label: 'Score', type: 'number' }];
const people: Contact[] = [
  blankContact({ id: 'ana', firstName: 'Ana', lastName: 'Souza', emails: ['ana@example.com'], tags: ['VIP'], custom: { score: 90 } }),
  blankContact({ id: 'jose', firstName: 'José', lastName: 'Núñez', phones: ['+59899123456'], tags: ['Lead'], custom: { score: 40 } }),
  blankContact({ id: 'maria', firstName: 'María', lastName: 'Gómez', emails: ['maria@example.org'] }),
  blankContact({ id: 'luis', firstName: 'Luis', lastName: 'Pérez', tags: ['VIP', 'Lead'], custom: { score: 75 } }),
  // Blocked: in the Block segment only, never in the main list (seed 003).
  blankContact({ id: 'pedro', firstName: 'Pedro', lastName: 'Bloqueado', emails: ['spam@example.net'], blocked: true }),
];

async function mount(contacts = people, lang = 'en') {
  const el = await fixture<UcrmContactDirectory>(
    html`<ucrm-contact-directory lang=${lang} .contacts=${contacts} .fields=${fields}></ucrm-contact-directory>`,
  );
  await waitUntil(() => rows(el).length > 0 || contacts.length === 0, 'rows rendered');
  return el;
}

async function addCondition(el: UcrmContactDirectory, field: string, op: string, value?: string) {
  $<HTMLButtonElement>(el, '[part="add-condition"]').click();
  await el.updateComplete;
  const condition = $$(el, '[part="condition"]').at(-1)!;
  type(condition.querySelector<HTMLSelectElement>('[part="condition-field"]')!, field);
  await el.updateComplete;
  type(condition.querySelector<HTMLSelectElement>('[part="condition-op"]')!, op);
  await el.updateComplete;
  if (value !== undefined) type(condition.querySelector<HTMLInputElement>('[part="condition-value"]')!, value);
  await settle(el);
}

async function chooseMatch(el: UcrmContactDirectory, value: 'all' | 'any' | 'expression') {
  const radio = $$(el, 'input[name="match"]').find((r) => (r as HTMLInputElement).value === value) as HTMLInputElement;
  radio.click();
  await settle(el);
}

// The virtualizer resizes its scroll area while measuring rows; Chromium then reports this
// benign notice through window.onerror, which mocha would count as a failure.
let originalOnError: OnErrorEventHandler = null;

describe('<ucrm-contact-directory>', () => {
  before(() => {
    originalOnError = window.onerror;
    window.onerror = (message, ...rest) =>
      String(message).includes('ResizeObserver loop') ? true : originalOnError?.call(window, message, ...rest);
  });
  after(() => (window.onerror = originalOnError));

  it('lists the contacts with their count, and is accessible', async () => {
    const el = await mount();
    expect(status(el)).to.equal('4 contacts');
    expect(names(el)).to.deep.equal(['Ana Souza', 'José Núñez', 'María Gómez', 'Luis Pérez']);
    const headers = $$(el, '[role="columnheader"]').map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['', 'Name', 'Email', 'Phone', 'Tags', 'Owner', 'Lead stage', 'Actions']);
    expect(rows(el)[1].textContent).to.contain('+598 99 123 456');
    await expect(el).to.be.accessible();
  });

  it('renders only a window of rows for a large directory', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => blankContact({ id: `c${i}`, firstName: `Person ${i}` }));
    const el = await mount(many);
    expect(status(el)).to.equal('10,000 contacts');
    expect(rows(el).length).to.be.greaterThan(0).and.lessThan(200);
  });

  it('searches as the user types', async () => {
    const el = await mount();
    type($(el, '[part="search-input"]'), 'jose');
    await settle(el);
    expect(names(el)).to.deep.equal(['José Núñez']);
    expect(status(el)).to.equal('1 of 4 contacts');
    expect(el.query).to.equal('jose');
  });

  it('filters by conditions, meet all and meet any, and reports the filter', async () => {
    const el = await mount();
    setTimeout(() => addCondition(el, 'tags', 'is', 'vip'));
    const event = await oneEvent(el, 'ucrm-filter-change');
    expect(event.detail.filter.conditions).to.have.length(1);
    await waitUntil(() => names(el).length === 2);
    expect(names(el)).to.deep.equal(['Ana Souza', 'Luis Pérez']);
    await addCondition(el, 'score', 'greater', '80');
    expect(names(el)).to.deep.equal(['Ana Souza']);
    await chooseMatch(el, 'any');
    expect(names(el)).to.deep.equal(['Ana Souza', 'Luis Pérez']);
    expect(el.filter).to.deep.include({ match: 'any' });
    await expect(el).to.be.accessible();
  });

  it('ignores an incomplete condition (and marks it) until it has a value, in meet all, meet any and expressions', async () => {
    const el = await mount();
    await addCondition(el, 'tags', 'is', 'lead');
    expect(names(el)).to.deep.equal(['José Núñez', 'Luis Pérez']);
    await addCondition(el, 'score', 'less');
    expect($(el, '[part="condition-problem"]').textContent).to.equal('Enter a value. Until then this condition is ignored.');
    expect($$(el, '[part="condition"]')[1].hasAttribute('data-incomplete')).to.equal(true);
    expect($(el, '[part="filter-status"]').textContent).to.equal(
      'Condition 2 has no value yet: the list ignores it until you complete it.',
    );
    expect(names(el)).to.deep.equal(['José Núñez', 'Luis Pérez']);
    await expect(el).to.be.accessible();
    // Meet any with an incomplete condition is not "match nothing" nor "match all": the rest applies.
    await chooseMatch(el, 'any');
    expect(names(el)).to.deep.equal(['José Núñez', 'Luis Pérez']);
    // An expression naming it runs without it.
    await chooseMatch(el, 'expression');
    type($<HTMLInputElement>(el, '[part="expression-input"]'), '1 and 2');
    await settle(el);
    expect(names(el)).to.deep.equal(['José Núñez', 'Luis Pérez']);
    // Completed, it applies.
    type($$(el, '[part="condition"]')[1].querySelector<HTMLInputElement>('[part="condition-value"]')!, '50');
    await settle(el);
    expect(names(el)).to.deep.equal(['José Núñez']);
    expect($(el, '[part="filter-status"]')).to.equal(null);
    expect($$(el, '[part="condition"]')[1].hasAttribute('data-incomplete')).to.equal(false);
  });

  it('keeps blocked contacts out of the main list; the Block segment lists them and counts them apart', async () => {
    const el = await mount();
    expect(names(el)).to.not.include('Pedro Bloqueado');
    expect(status(el)).to.equal('4 contacts');
    $$(el, '[part~="view"]').find((b) => b.textContent!.trim() === 'Blocked')!.click();
    await settle(el);
    expect(names(el)).to.deep.equal(['Pedro Bloqueado']);
    expect(status(el)).to.equal('1 contact');
  });

  it('explains an invalid logic expression, where and why, as the user types', async () => {
    const el = await mount();
    await chooseMatch(el, 'expression');
    const input = $<HTMLInputElement>(el, '[part="expression-input"]');
    expect(input.disabled).to.equal(true);
    expect($(el, '[part="expression-hint"]').textContent).to.equal('Add a condition first.');

    await addCondition(el, 'tags', 'is', 'vip');
    await addCondition(el, 'blocked', 'is', 'true');
    expect($(el, '[part="expression-error"]').textContent).to.contain('Type an expression');

    type(input, '(1 or 3) and 2');
    await settle(el);
    const error = $(el, '[part="expression-error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('Invalid logical expression.');
    expect(error.textContent).to.contain('There is no condition 3: use numbers from 1 to 2.');
    expect(error.textContent).to.contain('At character 7:');
    expect($(el, '[part="expression-mark"]').textContent).to.equal('3');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    type(input, '1 or 2)');
    await settle(el);
    expect($(el, '[part="expression-error-reason"]').textContent).to.equal('This “)” has no matching “(”.');
    expect($(el, '[part="expression-mark"]').textContent).to.equal(')');

    type(input, '1 OR 2');
    await settle(el);
    expect($(el, '[part="expression-error"]')).to.equal(null);
    // A filter that says something about `blocked` lists blocked contacts too.
    expect(names(el)).to.deep.equal(['Ana Souza', 'Luis Pérez', 'Pedro Bloqueado']);
  });

  it('can be driven from the keyboard', async () => {
    const el = await mount();
    await chooseMatch(el, 'expression');
    await addCondition(el, 'firstName', 'contains', 'a');
    $<HTMLInputElement>(el, '[part="expression-input"]').focus();
    await sendKeys({ type: '1and' });
    await settle(el);
    expect($(el, '[part="expression-error-reason"]').textContent).to.contain('Put a space before and after “and”.');
    const box = rows(el)[0].querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.selectedIds).to.deep.equal(['ana']);
  });

  it('opens a contact from its name', async () => {
    const el = await mount();
    setTimeout(() => $$(el, '[part="open-button"]')[2].click());
    const event = await oneEvent(el, 'ucrm-contact-selected');
    expect(event.detail.contact.id).to.equal('maria');
  });

  it('selects rows and all visible rows, and reports the selection', async () => {
    const el = await mount();
    setTimeout(() => rows(el)[1].querySelector<HTMLInputElement>('input')!.click());
    const event = await oneEvent(el, 'ucrm-selection-change');
    expect(event.detail.ids).to.deep.equal(['jose']);
    await settle(el);
    expect($(el, '[part="selected-count"]').textContent).to.equal('1 selected');
    expect(rows(el)[1].getAttribute('part')).to.equal('row row-selected');
    const all = $<HTMLInputElement>(el, '[role="columnheader"] input');
    expect(all.indeterminate).to.equal(true);
    all.click();
    await settle(el);
    expect(el.selectedIds).to.deep.equal(['ana', 'jose', 'maria', 'luis']);
  });

  it('deletes only after the user types the number of contacts', async () => {
    const el = await mount();
    const deleteButton = $<HTMLButtonElement>(el, '[part="delete-button"]');
    expect(deleteButton.disabled).to.equal(true);
    rows(el)[0].querySelector<HTMLInputElement>('input')!.click();
    rows(el)[3].querySelector<HTMLInputElement>('input')!.click();
    await settle(el);
    deleteButton.click();
    await settle(el);
    const dialog = $<HTMLDialogElement>(el, 'ucrm-dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.shadowRoot!.querySelector('h2')!.textContent).to.equal('Delete 2 contacts');
    const confirm = $<HTMLButtonElement>(el, '[part="delete-confirm"]');
    const typed = $<HTMLInputElement>(el, '[part="delete-count-input"]');
    expect(confirm.disabled).to.equal(true);
    type(typed, '3');
    await el.updateComplete;
    expect(confirm.disabled).to.equal(true);
    type(typed, ' 2 ');
    await el.updateComplete;
    expect(confirm.disabled).to.equal(false);
    await expect(el).to.be.accessible();

    // The host refuses once: the dialog and the selection stay.
    el.addEventListener('ucrm-contacts-delete', (e) => e.preventDefault(), { once: true });
    confirm.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);

    setTimeout(() => confirm.click());
    const event = await oneEvent(el, 'ucrm-contacts-delete');
    expect(event.detail.ids).to.deep.equal(['ana', 'luis']);
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(el.selectedIds).to.deep.equal([]);
  });

  it('merges 2–25 selected contacts with a field-by-field preview, and says it cannot be undone', async () => {
    const el = await mount();
    const mergeButton = $<HTMLButtonElement>(el, '[part="merge-button"]');
    expect(mergeButton.disabled).to.equal(true);
    for (const i of [1, 3]) rows(el)[i].querySelector<HTMLInputElement>('input')!.click();
    await settle(el);
    expect(mergeButton.disabled).to.equal(false);
    mergeButton.click();
    await settle(el);
    const dialog = $<HTMLDialogElement>(el, '[part="merge-dialog"]');
    expect(dialog.open).to.equal(true);
    expect(dialog.shadowRoot!.querySelector('h2')!.textContent).to.equal('Merge 2 contacts');
    expect($(el, '[part="merge-warning"]').textContent).to.contain('cannot be undone');
    const preview = () =>
      Object.fromEntries(
        [...dialog.querySelectorAll('tbody tr')].map((tr) => [
          tr.querySelector('th')!.textContent!.trim(),
          tr.querySelector('select')!.selectedOptions[0].textContent!.trim(),
        ]),
      );
    expect(preview()['First name']).to.equal('José — from José Núñez');
    // Tags, identities and notes are united, not picked.
    expect(preview()).not.to.have.property('Tags');
    expect(preview()['Score']).to.equal('40 — from José Núñez');
    await expect(el).to.be.accessible();

    // Make Luis the primary, then take the score back from José.
    dialog.querySelectorAll<HTMLInputElement>('[part="merge-primary"] input')[1].click();
    await el.updateComplete;
    expect(preview()['First name']).to.equal('Luis — from Luis Pérez');
    const scoreRow = [...dialog.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('Score'))!;
    type(scoreRow.querySelector('select')!, 'jose');
    await el.updateComplete;
    expect(preview()['Score']).to.equal('40 — from José Núñez');

    setTimeout(() => $<HTMLButtonElement>(el, '[part="merge-confirm"]').click());
    const event = await oneEvent(el, 'ucrm-contacts-merge');
    expect(event.detail.removedIds).to.deep.equal(['jose']);
    expect(event.detail.result).to.deep.include({ id: 'luis', firstName: 'Luis', custom: { score: 40 } });
    expect(event.detail.result.tags).to.deep.equal(['VIP', 'Lead']);
    expect(event.detail.result.phones).to.deep.equal(['+59899123456']);
    expect(event.detail.fieldSources).to.include({ firstName: 'luis', 'custom.score': 'jose' });
    await settle(el);
    expect(dialog.open).to.equal(false);
  });

  it('refuses to merge more than 25 contacts and says why', async () => {
    const many = Array.from({ length: 30 }, (_, i) => blankContact({ id: `c${i}`, firstName: `Person ${i}` }));
    const el = await mount(many);
    $<HTMLInputElement>(el, '[role="columnheader"] input').click();
    await settle(el);
    const button = $<HTMLButtonElement>(el, '[part="merge-button"]');
    expect(button.disabled).to.equal(true);
    expect($(el, '[part="merge-refusal"]').textContent).to.equal('You can merge at most 25 contacts at a time.');
    expect(button.getAttribute('aria-describedby')).to.equal('merge-refusal');
    await expect(el).to.be.accessible();
  });

  it('bulk-updates every contact matching the filter when nothing is selected, stating the count', async () => {
    const el = await mount();
    await addCondition(el, 'tags', 'is', 'vip');
    $<HTMLButtonElement>(el, '[part="bulk-button"]').click();
    await settle(el);
    const dialog = $<HTMLDialogElement>(el, '[part="bulk-dialog"]');
    expect(dialog.open).to.equal(true);
    expect($(el, '[part="bulk-scope"]').textContent).to.equal(
      'Nothing is selected: this changes all 2 contacts matching the current filter.',
    );
    type($(el, '[part="bulk-action"]'), 'add-tags');
    await el.updateComplete;
    const confirm = $<HTMLButtonElement>(el, '[part="bulk-confirm"]');
    confirm.click();
    await el.updateComplete;
    expect($(el, '[part="bulk-refusal"]').textContent).to.equal('Enter at least one tag.');
    await expect(el).to.be.accessible();

    type($(el, '[part="bulk-text"]'), 'Renewal, vip');
    await el.updateComplete;
    setTimeout(() => confirm.click());
    const event = await oneEvent(el, 'ucrm-bulk-update');
    expect(event.detail.scope).to.equal('filter');
    expect(event.detail.action).to.deep.equal({ kind: 'add-tags', tags: ['Renewal', 'vip'] });
    expect(event.detail.patches).to.deep.equal([
      { id: 'ana', patch: { tags: ['VIP', 'Renewal'] } },
      { id: 'luis', patch: { tags: ['VIP', 'Lead', 'Renewal'] } },
    ]);
    await settle(el);
    expect(dialog.open).to.equal(false);
  });

  it('bulk-sets a typed field on the selected contacts', async () => {
    const el = await mount();
    rows(el)[2].querySelector<HTMLInputElement>('input')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[part="bulk-button"]').click();
    await settle(el);
    expect($(el, '[part="bulk-scope"]').textContent).to.equal('This changes the 1 selected contact.');
    type($(el, '[part="bulk-action"]'), 'set-field');
    await el.updateComplete;
    type($(el, '[part="bulk-field"]'), 'score');
    await el.updateComplete;
    type($(el, '[part="bulk-value"]'), '55');
    await el.updateComplete;
    setTimeout(() => $<HTMLButtonElement>(el, '[part="bulk-confirm"]').click());
    const event = await oneEvent(el, 'ucrm-bulk-update');
    expect(event.detail).to.deep.equal({
      scope: 'selection',
      action: { kind: 'set-field', field: 'score', value: 55 },
      patches: [{ id: 'maria', patch: { custom: { score: 55 } } }],
    });
  });

  it('customizes the table columns and remembers the choice per user', async () => {
    localStorage.removeItem('ucrm:directory-columns:agent-7');
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory columns-key="agent-7" .contacts=${people} .fields=${fields}></ucrm-contact-directory>`,
    );
    await waitUntil(() => rows(el).length > 0);
    const headers = () => $$(el, '[role="columnheader"]').map((h) => h.textContent!.trim()).slice(1);
    $<HTMLElement>(el, '[part="columns-summary"]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const option = (label: string) =>
      $$(el, '[part="column-option"]').find((o) => o.querySelector('label')!.textContent!.trim() === label)!;

    setTimeout(() => option('Email').querySelector('input')!.click());
    const event = await oneEvent(el, 'ucrm-columns-change');
    expect(event.detail.columns).to.deep.equal(['name', 'phone', 'tags', 'owner', 'leadStage']);
    option('Score').querySelector('input')!.click();
    await el.updateComplete;
    option('Score').querySelector<HTMLButtonElement>('[part="column-up"]')!.click();
    await settle(el);
    expect(headers()).to.deep.equal(['Name', 'Phone', 'Tags', 'Owner', 'Score', 'Lead stage', 'Actions']);
    expect(rows(el)[0].textContent).to.contain('90');

    const again = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory columns-key="agent-7" .contacts=${people} .fields=${fields}></ucrm-contact-directory>`,
    );
    expect(again.columns).to.deep.equal(['name', 'phone', 'tags', 'owner', 'custom.score', 'leadStage']);
    localStorage.removeItem('ucrm:directory-columns:agent-7');
  });

  it('lists views beside the table: all, the Block segment, saved views, and saves the current filter', async () => {
    const vip: ContactFilter = { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] };
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory
        .contacts=${people}
        .fields=${fields}
        .views=${[{ id: 'v1', name: 'VIPs', filter: vip, public: false }]}
      ></ucrm-contact-directory>`,
    );
    await waitUntil(() => rows(el).length > 0);
    const view = (label: string) => $$(el, '[part~="view"]').find((b) => b.textContent!.trim().startsWith(label))!;
    expect($$(el, '[part~="view"]').map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'All contacts',
      'Blocked',
      'VIPs (private)',
    ]);
    expect(view('All contacts').getAttribute('aria-current')).to.equal('true');

    view('Blocked').click();
    await settle(el);
    expect(names(el)).to.deep.equal(['Pedro Bloqueado']);
    expect(view('Blocked').getAttribute('aria-current')).to.equal('true');

    view('VIPs').click();
    await settle(el);
    expect(names(el)).to.deep.equal(['Ana Souza', 'Luis Pérez']);
    await expect(el).to.be.accessible();

    // Editing the filter by hand leaves the view.
    await addCondition(el, 'score', 'greater', '80');
    expect(view('VIPs').hasAttribute('aria-current')).to.equal(false);

    $<HTMLElement>(el, '[part="save-view"] summary').click();
    await el.updateComplete;
    $<HTMLInputElement>(el, '#view-name').value = 'Top VIPs';
    $<HTMLInputElement>(el, '[name="view-public"]').click();
    setTimeout(() => $<HTMLButtonElement>(el, '[part="save-view-button"]').click());
    const event = await oneEvent(el, 'ucrm-view-save');
    expect(event.detail.view).to.deep.equal({ name: 'Top VIPs', public: true, filter: el.filter });
    expect(event.detail.view.filter.conditions).to.have.length(2);
  });

  it('reports an unknown default-region and keeps working', async () => {
    await collectingWarnings(async (warnings) => {
      const el = await fixture<UcrmContactDirectory>(
        html`<ucrm-contact-directory default-region="XX" .contacts=${people}></ucrm-contact-directory>`,
      );
      await el.updateComplete;
      expect($(el, '[part="error"]').textContent).to.contain('default-region="XX"');
      expect(warnings).to.have.length(1);
      await waitUntil(() => rows(el).length > 0);
      await addCondition(el, 'phone', 'contains', '99123');
      expect(names(el)).to.deep.equal(['José Núñez']);
      await expect(el).to.be.accessible();
    });
  });

  it('reads national numbers in phone conditions with the provider\'s default region', async () => {
    const wrapper = await fixture(
      html`<ucrm-provider default-region="UY"
        ><ucrm-contact-directory .contacts=${people}></ucrm-contact-directory
      ></ucrm-provider>`,
    );
    const el = wrapper.querySelector('ucrm-contact-directory')!;
    await waitUntil(() => rows(el).length > 0);
    await addCondition(el, 'phone', 'is', '099 123 456');
    expect(names(el)).to.deep.equal(['José Núñez']);
  });

  it('speaks Spanish', async () => {
    const es = await mount(people, 'es');
    expect(status(es)).to.equal('4 contactos');
    await chooseMatch(es, 'expression');
    await addCondition(es, 'tags', 'is', 'vip');
    type($(es, '[part="expression-input"]'), '1 y 2');
    await settle(es);
    expect($(es, '[part="expression-error"]').textContent).to.contain('Expresión lógica no válida.');
    expect($(es, '[part="expression-error-reason"]').textContent).to.contain('«y» no está permitido');
    await expect(es).to.be.accessible();
  });

  it('speaks Portuguese', async () => {
    const pt = await mount(people, 'pt-BR');
    expect(status(pt)).to.equal('4 contatos');
    expect($$(pt, '[role="columnheader"]').map((h) => h.textContent!.trim())).to.include('Telefone');
  });

  it('shows an empty state when nothing matches', async () => {
    const el = await mount();
    type($(el, '[part="search-input"]'), 'zzzzqqq');
    await settle(el);
    expect($(el, '[part="empty"]').textContent).to.equal('No contacts match.');
    expect(status(el)).to.equal('0 of 4 contacts');
    await expect(el).to.be.accessible();
  });
});
