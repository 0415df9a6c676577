/**
 * Case 2: identity lookup alone. The index the local source uses
 * (`IdentityIndex`: identity key → contact ids, equivalent forms included)
 * over N synthetic identities, phones in six countries' numbering and
 * emails; then lookups of ClientIDs that exist (typed in another format)
 * and that do not. Also the local source's own `findByIdentity` at 100k
 * contacts, which adds the async call and the copy of the result.
 */
import { IdentityIndex } from '../../src/core/identity/identity-index.js';
import { normalizeClientId } from '../../src/core/identity/identity.js';
import type { Channel, Identity } from '../../src/core/types.js';
import { createLocalSource } from '../../src/data/local-source.js';
import { generateDemoData } from '../../src/data/demo-data.js';
import { collectGarbage, round, seeded, summarize, type Summary } from './stats.js';
import { pause } from './search-case.js';

export interface IdentityRow {
  what: string;
  identities: number;
  buildMs: number;
  /** Each lookup timed alone (timer resolution 5 µs when cross-origin isolated). */
  lookup: Summary;
  /** Mean of all lookups timed as one batch, for sub-resolution precision. */
  batchMeanMs: number;
}

/** [country code, national digits after it, display style]: valid mobile ranges. */
const NUMBERING: [string, (r: () => number) => string, (cc: string, n: string) => string][] = [
  ['55', (r) => `11${9}${digits(r, 8)}`, (cc, n) => `00${cc} (${n.slice(0, 2)}) ${n.slice(2, 7)}-${n.slice(7)}`],
  ['52', (r) => `55${digits(r, 8)}`, (cc, n) => `+${cc} ${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`],
  ['54', (r) => `911${digits(r, 8)}`, (cc, n) => `+${cc} ${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 7)}-${n.slice(7)}`],
  ['598', (r) => `9${1 + Math.floor(r() * 8)}${digits(r, 6)}`, (cc, n) => `+${cc} ${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`],
  ['1', (r) => `415${2 + Math.floor(r() * 7)}${digits(r, 6)}`, (cc, n) => `+${cc} (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`],
  ['34', (r) => `6${digits(r, 8)}`, (cc, n) => `00${cc} ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`],
];

function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

interface Synthetic {
  identity: Identity;
  /** How a ClientID for it might arrive. */
  raw: string;
  channel: Channel;
}

function synthesize(count: number, seed: number): Synthetic[] {
  const random = seeded(seed);
  const out: Synthetic[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 5 < 3) {
      const [cc, national, display] = NUMBERING[i % NUMBERING.length]!;
      const n = national(random);
      out.push({ identity: { kind: 'phone', value: `+${cc}${n}` }, raw: display(cc, n), channel: 'whatsapp' });
    } else {
      const value = `user${i}.${digits(random, 4)}@example${i % 50}.com`;
      out.push({ identity: { kind: 'email', value }, raw: ` ${value.toUpperCase()} `, channel: 'email' });
    }
  }
  return out;
}

export async function identityCase(count: number, lookups = 4000): Promise<IdentityRow[]> {
  const all = synthesize(count, 3);
  collectGarbage();
  const index = new IdentityIndex();
  let t0 = performance.now();
  all.forEach((s, i) => index.add({ id: `c${i}`, identities: [s.identity] }));
  const buildMs = performance.now() - t0;
  await pause();

  const random = seeded(5);
  const misses = synthesize(lookups / 2, 99);
  const probes = Array.from({ length: lookups }, (_, i) =>
    i % 2 ? misses[i >> 1]! : all[Math.floor(random() * all.length)]!,
  );
  const rows: IdentityRow[] = [];

  const timeEach = (what: string, run: (s: Synthetic) => unknown) => {
    for (const p of probes.slice(0, 200)) run(p); // warm-up
    const samples = probes.map((p) => {
      const s = performance.now();
      run(p);
      return performance.now() - s;
    });
    t0 = performance.now();
    for (const p of probes) run(p);
    const batchMeanMs = (performance.now() - t0) / probes.length;
    rows.push({ what, identities: count, buildMs: round(buildMs), lookup: summarize(samples), batchMeanMs: round(batchMeanMs) });
  };

  timeEach('IdentityIndex.get (normalized)', (s) => index.get(s.identity));
  timeEach('normalize ClientID + get', (s) => {
    const result = normalizeClientId(s.channel, s.raw);
    return result.ok ? index.get(result.identity) : [];
  });
  return rows;
}

/** The local source's `findByIdentity` (async, copies results) over demo contacts. */
export async function sourceLookupCase(count: number, lookups = 2000): Promise<IdentityRow> {
  const data = generateDemoData({ count, seed: 1 });
  const t0 = performance.now();
  const source = createLocalSource({ persist: false, contacts: data.contacts, sections: data.sections, campaigns: data.campaigns });
  await source.ready;
  const buildMs = performance.now() - t0;
  const random = seeded(9);
  const phones = data.contacts.flatMap((c) => c.identities.filter((i) => i.kind === 'phone'));
  const probes = Array.from({ length: lookups }, (_, i): Identity =>
    i % 2 ? { kind: 'phone', value: `+1415${digits(random, 7)}` } : phones[Math.floor(random() * phones.length)]!,
  );
  for (const p of probes.slice(0, 200)) await source.findByIdentity(p);
  const samples: number[] = [];
  for (const p of probes) {
    const s = performance.now();
    await source.findByIdentity(p);
    samples.push(performance.now() - s);
  }
  const b0 = performance.now();
  for (const p of probes) await source.findByIdentity(p);
  return {
    what: 'local source findByIdentity',
    identities: phones.length,
    buildMs: round(buildMs),
    lookup: summarize(samples),
    batchMeanMs: round((performance.now() - b0) / probes.length),
  };
}
