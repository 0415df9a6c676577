/**
 * The contact schemas come from the one definition of a contact's fields
 * (src/core/contacts/fields.ts): the server's valibot schemas refuse what it
 * forbids, and docs/openapi.yaml's Contact / ContactDraft / ContactPatch say
 * the same thing (this test fails when the YAML drifts from the definition).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it, before } from 'node:test';
import yaml from 'js-yaml';
import * as v from 'valibot';
import { importTs } from '../../scripts/run-ts.mjs';

let schemas;
let openApi;
let fields;

before(async () => {
  const mod = await importTs('test/server/contact-schema-entry.ts');
  schemas = mod.contactSchemas();
  openApi = mod.contactOpenApiSchemas();
  fields = mod.CONTACT_FIELDS;
});

const ok = (schema, value) => v.safeParse(schema, value).success;

describe('server contact schemas, from the field definition', () => {
  it('accepts a draft within every limit', () => {
    const draft = {
      firstName: 'Ana',
      lastName: 'Pérez',
      phones: ['+59899123456'],
      emails: ['ana@example.com'],
      identities: [{ kind: 'phone', value: '+59899123456' }],
      tags: ['vip'],
      notes: [],
      custom: { plan: 'fiber' },
      blocked: false,
      unsubscribed: true,
      leadStage: 'Prospect',
      owner: 'agent.ana',
    };
    assert.ok(ok(schemas.DraftSchema, draft));
    assert.ok(ok(schemas.PatchSchema, { owner: undefined, leadStage: 'Customer' }));
  });

  it('refuses a value longer than the definition allows, for every field with a maximum', () => {
    for (const field of fields.filter((f) => !f.readOnly && f.maxLength !== undefined)) {
      const property = field.property ?? field.key;
      const long = 'x'.repeat(field.maxLength + 1);
      const exact = 'x'.repeat(field.maxLength);
      const value = (text) => (field.maxItems !== undefined ? [text] : text);
      assert.ok(ok(schemas.DraftSchema, { [property]: value(exact) }), `${property} at its maximum`);
      assert.ok(!ok(schemas.DraftSchema, { [property]: value(long) }), `${property} over its maximum`);
    }
  });

  it('refuses more list items than the definition allows', () => {
    for (const field of fields.filter((f) => !f.readOnly && f.maxItems !== undefined && f.maxLength !== undefined)) {
      const property = field.property ?? field.key;
      assert.ok(!ok(schemas.DraftSchema, { [property]: Array(field.maxItems + 1).fill('x') }), property);
    }
  });

  it('refuses members the definition does not have, store-set members in a draft, and wrong types', () => {
    assert.ok(!ok(schemas.DraftSchema, { nickname: 'Ani' }));
    assert.ok(!ok(schemas.DraftSchema, { id: 'c-1' }));
    assert.ok(!ok(schemas.DraftSchema, { createdAt: '2024-01-01T00:00:00.000Z' }));
    assert.ok(!ok(schemas.DraftSchema, { blocked: 'yes' }));
    assert.ok(!ok(schemas.DraftSchema, { tags: 'vip' }));
  });

  it('a whole contact needs its id and dates', () => {
    const base = { id: 'c-1', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-02T00:00:00.000Z' };
    assert.ok(ok(schemas.ContactSchema, { ...base, firstName: 'Ana' }));
    assert.ok(!ok(schemas.ContactSchema, { ...base, id: '' }));
    assert.ok(!ok(schemas.ContactSchema, { ...base, updatedAt: 'yesterday' }));
    assert.ok(!ok(schemas.ContactSchema, { firstName: 'Ana' }));
  });
});

describe('docs/openapi.yaml matches the field definition', () => {
  const doc = yaml.load(readFileSync(new URL('../../docs/openapi.yaml', import.meta.url), 'utf8'));
  const inYaml = doc.components.schemas;
  const how = 'Update the Contact* schemas of docs/openapi.yaml to contactOpenApiSchemas() of server/contact-schema.ts';

  for (const name of ['Contact', 'ContactDraft', 'ContactPatch']) {
    it(`${name}`, () => {
      const expected = openApi[name];
      const actual = inYaml[name];
      assert.ok(actual, `${name} is missing. ${how}`);
      if (expected.$ref) return assert.equal(actual.$ref, expected.$ref, how);
      assert.equal(actual.type, expected.type, how);
      assert.equal(actual.additionalProperties, expected.additionalProperties, how);
      assert.deepEqual([...(actual.required ?? [])].sort(), [...(expected.required ?? [])].sort(), `${name}.required: ${how}`);
      assert.deepEqual(Object.keys(actual.properties).sort(), Object.keys(expected.properties).sort(), `${name} members: ${how}`);
      for (const [member, schema] of Object.entries(expected.properties)) {
        const { description: _ignored, ...described } = actual.properties[member];
        assert.deepEqual(described, schema, `${name}.${member}: ${how}`);
      }
    });
  }
});
