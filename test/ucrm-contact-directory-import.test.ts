import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/ucrm-contact-directory.js';
import type { UcrmContactDirectory } from '../src/components/ucrm-contact-directory/ucrm-contact-directory.js';
import type { UcrmContactsImportEvent } from '../src/events.js';
import { blankContact } from './support/contacts.js';
import { $ } from './support/directory-harness.js';

const people = [
  blankContact({
    id: 'jose',
    firstName: 'José',
    phones: ['+59899123456'],
    identities: [{ kind: 'phone', value: '+59899123456' }],
  }),
];

function chooseFile(input: HTMLInputElement, text: string) {
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'contacts.csv', { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<ucrm-contact-directory> CSV import', () => {
  it('maps columns from the header, imports with progress, and reports skipped rows with the reason', async () => {
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory default-region="UY" .contacts=${people}></ucrm-contact-directory>`,
    );
    $<HTMLButtonElement>(el, '[part="import-button"]').click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, '[part="import-dialog"]');
    await waitUntil(() => dialog.open);
    await expect(el).to.be.accessible();

    chooseFile(
      $(el, '[part="import-file"]'),
      '\ufeffNombre,Teléfono,E-mail,Notas\n"Ana María",099 123 456,,x\nNuevo,+1 415 555 0100,nuevo@example.com,\n\nMalo,12,,\n',
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part="import-mapping"]'), 'mapping shown');
    const targets = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part="import-target"]')];
    expect(targets.map((t) => t.value)).to.deep.equal(['firstName', 'phone', 'email', 'ignore']);
    expect(targets[0].selectedOptions[0].textContent!.trim()).to.equal('First name');
    expect($(el, '[part="import-start"]').textContent!.trim()).to.equal('Import 3 rows');
    await expect(el).to.be.accessible();

    setTimeout(() => $<HTMLButtonElement>(el, '[part="import-start"]').click());
    const event: UcrmContactsImportEvent = await oneEvent(el, 'ucrm-contacts-import');
    expect(event.detail.creates.map((c) => c.draft.firstName)).to.deep.equal(['Nuevo']);
    expect(event.detail.creates[0].draft.phones).to.deep.equal(['+14155550100']);
    expect(event.detail.updates).to.deep.equal([{ rows: [2], id: 'jose', patch: { firstName: 'Ana María' } }]);
    expect(event.detail.report.skipped).to.deep.equal([{ row: 5, reason: 'invalid-phone', detail: '12' }]);

    await el.updateComplete;
    expect($(el, '[part="import-report"]').textContent!.trim()).to.equal(
      'Created 1 · Updated 1 · Unchanged 0 · Skipped 1',
    );
    expect($(el, '[part="import-skipped"] tbody').textContent).to.contain('“12” is not a valid phone number.');
    await expect(el).to.be.accessible();
  });

  it('skips rows of existing contacts when the user chooses to', async () => {
    const el = await fixture<UcrmContactDirectory>(
      html`<ucrm-contact-directory lang="es" default-region="UY" .contacts=${people}></ucrm-contact-directory>`,
    );
    $<HTMLButtonElement>(el, '[part="import-button"]').click();
    await el.updateComplete;
    chooseFile($(el, '[part="import-file"]'), 'Nombre;Celular\nPepe;099 123 456\n');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="import-mode"]'), 'mapping shown');
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="import-mode"] input')[1].click();
    await el.updateComplete;
    setTimeout(() => $<HTMLButtonElement>(el, '[part="import-start"]').click());
    const event = await oneEvent(el, 'ucrm-contacts-import');
    expect(event.detail.report).to.deep.include({ created: 0, updated: 0 });
    expect(event.detail.report.skipped).to.deep.equal([{ row: 2, reason: 'exists', detail: 'jose' }]);
    await el.updateComplete;
    expect($(el, '[part="import-skipped"] tbody').textContent).to.contain('El contacto ya existe.');
  });
});
