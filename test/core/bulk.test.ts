import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { bulkTargets, confirmDeleteCount, planBulkUpdate, type BulkPlan } from '../../src/core/contacts/bulk.js';
import { compileFilter } from '../../src/core/filters/filter.js';
import type { FieldDef } from '../../src/core/types.js';
import { blankContact } from '../support/contacts.js';

const fields: FieldDef[] = [
  { key: 'score', label: 'Score', type: 'number' },
  { key: 'plan', label: 'Plan', type: 'select', options: ['gold', 'silver'] },
  { key: 'renewal', label: 'Renewal', type: 'date' },
  { key: 'vip', label: 'VIP', type: 'checkbox' },
];

const contacts = [
  blankContact({ id: 'a', owner: 'ana', tags: ['VIP', 'Lead'], custom: { plan: 'gold', score: 3 } }),
  blankContact({ id: 'b', tags: ['vip'], custom: { plan: 'silver' } }),
  blankContact({ id: 'c', owner: 'luis', tags: [] }),
];

function plan(...args: Parameters<typeof planBulkUpdate>): BulkPlan {
  const outcome = planBulkUpdate(...args);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe('planBulkUpdate', () => {
  it('assigns an owner, patching only contacts that change', () => {
    const { patches, unchanged } = plan(contacts, { kind: 'assign-owner', owner: ' ana ' });
    expect(patches).to.deep.equal([
      { id: 'b', patch: { owner: 'ana' } },
      { id: 'c', patch: { owner: 'ana' } },
    ]);
    expect(unchanged).to.deep.equal(['a']);
    expect(plan(contacts, { kind: 'assign-owner', owner: '' }).patches.map((p) => p.id)).to.deep.equal(['a', 'c']);
  });

  it('adds tags once, ignoring case and accents, keeping existing spelling', () => {
    const { patches, unchanged } = plan(contacts, { kind: 'add-tags', tags: ['vip', ' Renewal ', 'renewal', ''] });
    expect(patches).to.deep.equal([
      { id: 'a', patch: { tags: ['VIP', 'Lead', 'Renewal'] } },
      { id: 'b', patch: { tags: ['vip', 'Renewal'] } },
      { id: 'c', patch: { tags: ['vip', 'Renewal'] } },
    ]);
    expect(unchanged).to.deep.equal([]);
  });

  it('removes tags whatever their case', () => {
    const { patches, unchanged } = plan(contacts, { kind: 'remove-tags', tags: ['Víp'] });
    expect(patches).to.deep.equal([
      { id: 'a', patch: { tags: ['Lead'] } },
      { id: 'b', patch: { tags: [] } },
    ]);
    expect(unchanged).to.deep.equal(['c']);
  });

  it('sets a system or custom field, checking the value against the field type', () => {
    expect(plan(contacts, { kind: 'set-field', field: 'leadStage', value: 'Customer' }).patches).to.have.length(3);
    expect(plan(contacts, { kind: 'set-field', field: 'blocked', value: false }).patches).to.deep.equal([]);
    const custom = plan(contacts, { kind: 'set-field', field: 'plan', value: 'gold' }, fields);
    expect(custom.patches).to.deep.equal([
      { id: 'b', patch: { custom: { plan: 'gold' } } },
      { id: 'c', patch: { custom: { plan: 'gold' } } },
    ]);
    expect(custom.unchanged).to.deep.equal(['a']);
    const cleared = plan(contacts, { kind: 'set-field', field: 'score', value: undefined }, fields);
    expect(cleared.patches).to.deep.equal([{ id: 'a', patch: { custom: { plan: 'gold' } } }]);
    expect(contacts[0].custom).to.deep.equal({ plan: 'gold', score: 3 });
  });

  it('refuses what it cannot do, with the reason', () => {
    expect(planBulkUpdate(contacts, { kind: 'add-tags', tags: [' '] })).to.deep.equal({ ok: false, reason: 'no-tags' });
    expect(planBulkUpdate(contacts, { kind: 'remove-tags', tags: [] })).to.include({ reason: 'no-tags' });
    expect(planBulkUpdate(contacts, { kind: 'set-field', field: 'nope', value: 'x' }, fields)).to.include({
      reason: 'unknown-field',
    });
    expect(planBulkUpdate(contacts, { kind: 'set-field', field: 'email', value: 'x' }, fields)).to.include({
      reason: 'field-not-settable',
    });
    const invalid: [string, unknown][] = [
      ['score', 'ten'],
      ['plan', 'bronze'],
      ['renewal', '2024-13-45'],
      ['vip', 'yes'],
      ['blocked', 'true'],
      ['firstName', undefined],
    ];
    for (const [field, value] of invalid) {
      expect(planBulkUpdate(contacts, { kind: 'set-field', field, value }, fields), field).to.include({
        ok: false,
        reason: 'invalid-value',
      });
    }
  });
});

describe('bulkTargets', () => {
  it('uses the selection when there is one, otherwise everything the filter matches', () => {
    const matching = contacts.filter(compileFilter({ match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] }));
    expect(bulkTargets([], matching)).to.deep.equal({ scope: 'filter', targets: matching });
    expect(bulkTargets(new Set(['b', 'zz']), matching)).to.deep.equal({ scope: 'selection', targets: [contacts[1]] });
    const whole = plan(bulkTargets([], matching).targets, { kind: 'add-tags', tags: ['x'] });
    expect(whole.patches.map((p) => p.id)).to.deep.equal(['a', 'b']);
  });
});

describe('confirmDeleteCount', () => {
  it('accepts exactly the number, spaces around it allowed', () => {
    expect(confirmDeleteCount('12', 12)).to.equal(true);
    expect(confirmDeleteCount('  12\n', 12)).to.equal(true);
  });

  it('refuses anything else', () => {
    for (const typed of ['', '11', '13', '012', '+12', '12.0', '1 2', '1,2', 'twelve', '１２', '12a', '-12']) {
      expect(confirmDeleteCount(typed, 12), typed).to.equal(false);
    }
    expect(confirmDeleteCount('0', 0)).to.equal(false);
  });

  it('property: only the decimal count confirms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.string(), (count, typed) => {
        expect(confirmDeleteCount(typed, count)).to.equal(typed.trim() === String(count));
        expect(confirmDeleteCount(` ${count} `, count)).to.equal(true);
      }),
    );
  });
});
