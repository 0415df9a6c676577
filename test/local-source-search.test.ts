import { expect } from '@open-wc/testing';
import type { Contact, CustomSection } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import { seedContact } from './support/contacts.js';

// The search index is built on the first search (or when the page is idle),
// not while the source loads: what it finds must not depend on when that is.

const SECTIONS: CustomSection[] = [
  { id: 'general', title: 'General', campaigns: [], fields: [{ key: 'plan', label: 'Plan', type: 'text' }] },
];

const names = (items: Contact[]) => items.map((c) => `${c.firstName} ${c.lastName}`);

describe('createLocalSource search index', () => {
  it('finds contacts written before the first search, by name, phone digits and custom field', async () => {
    const source = createLocalSource({
      persist: false,
      sections: SECTIONS,
      contacts: [seedContact('a', { firstName: 'Valentina', phones: ['+598 99 123 456'] }), seedContact('b', { firstName: 'Bruno' })],
    });
    await source.ready;
    // Written after loading, before anything searched.
    await source.createContact({ firstName: 'Joaquín', lastName: 'Pérez', custom: { plan: 'Platinum' } });
    await source.updateContact('b', { firstName: 'Ximena' });
    expect(names((await source.search('Valentina')).items)).to.deep.equal(['Valentina Seed']);
    expect(names((await source.search('99123456')).items)).to.deep.equal(['Valentina Seed']);
    expect(names((await source.search('joaquin')).items)).to.deep.equal(['Joaquín Pérez']);
    expect(names((await source.search('platinum')).items)).to.deep.equal(['Joaquín Pérez']);
    expect(names((await source.search('Ximena')).items)).to.deep.equal(['Ximena Seed']);
    expect((await source.search('Bruno')).total).to.equal(0);
  });

  it('keeps the index current for writes after the first search', async () => {
    const source = createLocalSource({ persist: false, contacts: [seedContact('a', { firstName: 'Marta' })] });
    expect((await source.search('Lucía')).total).to.equal(0);
    const created = await source.createContact({ firstName: 'Lucía' });
    expect(names((await source.search('lucia')).items)).to.deep.equal(['Lucía ']);
    await source.updateContact(created.id, { firstName: 'Renata' });
    expect((await source.search('Lucía')).total).to.equal(0);
    expect(names((await source.search('Renata')).items)).to.deep.equal(['Renata ']);
  });

  it('answers concurrent first searches from one index', async () => {
    const source = createLocalSource({
      persist: false,
      contacts: [seedContact('a', { firstName: 'Ana' }), seedContact('b', { firstName: 'Anabel' })],
    });
    const [first, second] = await Promise.all([source.search('Ana'), source.search('Anabel')]);
    expect(first.total).to.equal(2);
    expect(names(second.items)).to.deep.equal(['Anabel Seed']);
  });

  it('an aborted search rejects with aborted and the next one works', async () => {
    const source = createLocalSource({ persist: false, contacts: [seedContact('a', { firstName: 'Ana' })] });
    const controller = new AbortController();
    const pending = source.search('Ana', { signal: controller.signal });
    controller.abort();
    const error = await pending.then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(error?.code).to.equal('aborted');
    expect((await source.search('Ana')).total).to.equal(1);
  });
});
