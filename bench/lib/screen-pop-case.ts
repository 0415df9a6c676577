/**
 * Case 1: the screen pop. From setting the interaction on
 * <ucrm-interaction-view> (local source, in memory) to the result rendered:
 * `ucrm-resolved`, then `updateComplete`. Three kinds of ring: a phone that
 * one contact holds (typed in another format), a phone several contacts
 * share, and an unknown number.
 */
import '../../src/define/ucrm-interaction-view.js';
import type { UcrmInteractionView } from '../../src/components/ucrm-interaction-view/ucrm-interaction-view.js';
import { generateDemoData } from '../../src/data/demo-data.js';
import { createLocalSource } from '../../src/data/local-source.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { round, seeded, shuffle, summarize, type Summary } from './stats.js';
import { pause } from './search-case.js';

export interface ScreenPopRow {
  scenario: 'unique phone, other format' | 'shared phone (candidates)' | 'unknown number';
  contacts: number;
  expectedState: string;
  pop: Summary;
  /** Rings whose view did not end in the expected state (should be 0). */
  wrongState: number;
}

export async function screenPopCase(count: number, rings = 150): Promise<ScreenPopRow[]> {
  const data = generateDemoData({ count, seed: 1 });
  const source = createLocalSource({ persist: false, contacts: data.contacts, sections: data.sections, campaigns: data.campaigns });
  await source.ready;

  const holders = new Map<string, number>();
  for (const c of data.contacts) {
    for (const i of c.identities) if (i.kind === 'phone') holders.set(i.value, (holders.get(i.value) ?? 0) + 1);
  }
  const random = seeded(21);
  const phones = shuffle([...holders.entries()], random);
  // "Another format": the 00 international prefix and spaces, never how the demo data displays numbers.
  const otherFormat = (e164: string) => {
    const parsed = parsePhoneNumberFromString(e164)!;
    const n = String(parsed.nationalNumber);
    return `00${parsed.countryCallingCode} ${n.slice(0, 3)} ${n.slice(3)}`;
  };
  const unique = phones.filter(([, n]) => n === 1).slice(0, rings).map(([e164]) => otherFormat(e164));
  const shared = phones.filter(([, n]) => n > 1).slice(0, rings).map(([e164]) => otherFormat(e164));
  const unknown = Array.from({ length: rings }, (_, i) => `+1 415 555 ${String(1000 + i).padStart(4, '0')}`).filter(
    (raw) => !holders.has(raw.replace(/\s/g, '')),
  );

  const view = document.createElement('ucrm-interaction-view') as UcrmInteractionView;
  view.source = source;
  document.body.append(view);
  await view.updateComplete;

  const ring = async (clientId: string) => {
    const resolved = new Promise((resolve) => view.addEventListener('ucrm-resolved', resolve, { once: true }));
    const t0 = performance.now();
    view.interaction = { channel: 'whatsapp', clientId };
    await resolved;
    await view.updateComplete;
    return performance.now() - t0;
  };

  const rows: ScreenPopRow[] = [];
  const scenarios: [ScreenPopRow['scenario'], string[], string][] = [
    ['unique phone, other format', unique, 'contact'],
    ['shared phone (candidates)', shared, 'candidates'],
    ['unknown number', unknown, 'create'],
  ];
  for (const [scenario, clientIds, expectedState] of scenarios) {
    if (!clientIds.length) continue;
    for (const id of clientIds.slice(0, 20)) await ring(id); // warm-up
    const samples: number[] = [];
    let wrongState = 0;
    for (const id of clientIds) {
      samples.push(await ring(id));
      if (view.state !== expectedState) wrongState++;
      await pause();
    }
    rows.push({ scenario, contacts: count, expectedState, pop: summarize(samples), wrongState });
  }
  view.remove();
  return rows.map((r) => ({ ...r, pop: { ...r.pop, p50: round(r.pop.p50) } }));
}
