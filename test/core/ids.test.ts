import { expect } from '@open-wc/testing';
import { randomId, uuidFromBytes } from '../../src/core/util/index.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  it('gives distinct v4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 200 }, randomId));
    expect(ids.size).to.equal(200);
    for (const id of ids) expect(id).to.match(UUID_V4);
  });

  it('formats random bytes as a v4 UUID without crypto.randomUUID (plain-http pages)', () => {
    expect(uuidFromBytes(new Uint8Array(16).fill(0xff))).to.equal('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidFromBytes(new Uint8Array(16))).to.equal('00000000-0000-4000-8000-000000000000');
    expect(uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)))).to.match(UUID_V4);
  });
});
