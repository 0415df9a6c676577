/**
 * Case: the contact directory's filter over N contacts (issue 8: "a filter
 * over 100k contacts stays interactive"). Each filter is compiled once and
 * run over every contact, as the directory does on each keystroke; timed
 * per full pass (compile included), over the demo data and its custom fields.
 *
 * Wire it in bench/page.ts as `filter: filterCase` (the lead's file).
 */
import { compileFilter, type ContactFilter } from '../../src/core/filters/filter.js';
import { generateDemoData } from '../../src/data/demo-data.js';
import { collectGarbage, summarize, type Summary } from './stats.js';
import { pause } from './search-case.js';

export interface FilterRow {
  what: string;
  contacts: number;
  matches: number;
  /** One compile plus one pass over every contact. */
  pass: Summary;
}

const FILTERS: [string, ContactFilter][] = [
  ['text contains (accent-insensitive)', { match: 'all', conditions: [{ field: 'lastName', op: 'contains', value: 'perez' }] }],
  ['phone digits contain', { match: 'all', conditions: [{ field: 'phone', op: 'contains', value: '9876' }] }],
  [
    'meet all: tag, number, date',
    {
      match: 'all',
      conditions: [
        { field: 'tags', op: 'is not empty' },
        { field: 'budget', op: 'greater', value: '500' },
        { field: 'createdAt', op: 'after', value: '2020-01-01' },
      ],
    },
  ],
  [
    'expression (1 or 2 or 3) and (4 and 5)',
    {
      match: 'expression',
      expression: '(1 or 2 or 3) and (4 and 5)',
      conditions: [
        { field: 'firstName', op: 'contains', value: 'an' },
        { field: 'email', op: 'contains', value: 'gmail' },
        { field: 'owner', op: 'is empty' },
        { field: 'blocked', op: 'is', value: 'false' },
        { field: 'updatedAt', op: 'before', value: '2030-01-01' },
      ],
    },
  ],
];

export async function filterCase(count = 100_000, runs = 15): Promise<FilterRow[]> {
  const data = generateDemoData({ count });
  const fields = data.sections.flatMap((s) => s.fields);
  const contacts = data.contacts;
  const rows: FilterRow[] = [];
  for (const [what, filter] of FILTERS) {
    collectGarbage();
    const samples: number[] = [];
    let matches = 0;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const test = compileFilter(filter, fields);
      matches = 0;
      for (let i = 0; i < contacts.length; i++) if (test(contacts[i]!)) matches++;
      samples.push(performance.now() - start);
      // Let the page breathe between passes, as keystrokes would.
      await pause();
    }
    rows.push({ what, contacts: contacts.length, matches, pass: summarize(samples) });
  }
  return rows;
}
