#!/usr/bin/env node
/**
 * The plans of the directory's statements for each query of the bench mix
 * (directory-mix.mjs): every statement `Directory.page()` sends is first run
 * under EXPLAIN (ANALYZE, BUFFERS), then for real. Plan shapes and the
 * server's own execution times hold up on a busy machine better than
 * wall-clock percentiles do.
 *
 *   node bench/server/explain.mjs                  PGlite, 20,000 demo contacts (--count N)
 *   DATABASE_URL=… node bench/server/explain.mjs   a seeded PostgreSQL (bench:server -- --keep-cluster)
 *   --full  whole plans (default: the nodes with their rows and times, one line each)
 *   --only N  just query N of the mix (0-based)
 */
import process from 'node:process';
import { importTs } from '../../scripts/run-ts.mjs';
import { DIRECTORY_MIX, mixLabel } from './directory-mix.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const full = args.includes('--full');
const only = option('--only');

const { openDb } = await importTs('server/db.ts');
const { ContactStore } = await importTs('server/store.ts');
const { Directory } = await importTs('server/sql/directory.ts');
const databaseUrl = process.env.DATABASE_URL || undefined;
const db = await openDb({ databaseUrl });
let seed = {};
if (!databaseUrl) {
  const { generateDemoData } = await importTs('src/data/demo-data.ts');
  seed = generateDemoData({ count: Number(option('--count') ?? 20_000) });
}
const store = await ContactStore.open(db, { seed });
const [{ n }] = await db.query('SELECT count(*)::int AS n FROM contacts');
console.log(`${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${n.toLocaleString('en')} contacts`);

/** One line per plan node: its type, relation or index, rows and time. */
function summarize(node, depth = 0, out = []) {
  const what = [node['Node Type'], node['Index Name'] ?? node['Relation Name'], node['Sort Method'], node['Strategy']].filter(Boolean).join(' ');
  const time = node['Actual Total Time'] === undefined ? '' : ` ${node['Actual Total Time'].toFixed(1)} ms`;
  const removed = node['Rows Removed by Filter'] ? `, ${node['Rows Removed by Filter']} filtered out` : '';
  const recheck = node['Rows Removed by Index Recheck'] ? `, ${node['Rows Removed by Index Recheck']} rechecked out` : '';
  const hits = node['Shared Hit Blocks'] ? `, ${node['Shared Hit Blocks']} buffers` : '';
  out.push(`${'  '.repeat(depth + 2)}${what}: ${node['Actual Rows']} rows × ${node['Actual Loops']}${removed}${recheck}${hits}${time}`);
  for (const child of node.Plans ?? []) summarize(child, depth + 1, out);
  return out;
}

const explaining = {
  kind: db.kind,
  async query(sql, params) {
    if (!sql.startsWith('EXPLAIN')) {
      const [row] = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT ${full ? 'TEXT' : 'JSON'}) ${sql}`, params);
      if (full) {
        const rows = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        console.log(`    ${sql.replace(/\s+/g, ' ').slice(0, 160)}…`);
        console.log(rows.map((r) => `      ${r['QUERY PLAN']}`).join('\n'));
      } else {
        const json = row['QUERY PLAN'];
        const [plan] = typeof json === 'string' ? JSON.parse(json) : json;
        console.log(`    ${sql.slice(0, 40).replace(/\s+/g, ' ')}…: ${plan['Execution Time'].toFixed(1)} ms`);
        console.log(summarize(plan.Plan).join('\n'));
      }
    }
    return db.query(sql, params);
  },
};
const traced = new Directory(explaining, { customFields: () => store.customFields(), region: () => store.regionFor() });

for (const [i, body] of DIRECTORY_MIX.entries()) {
  if (only !== undefined && Number(only) !== i) continue;
  console.log(`\n${i}. ${mixLabel(body)}`);
  await traced.page(body.filter, body.query, body.limit, body.offset);
  // Then untraced, warm: the best of three, as the server runs it.
  let best = Infinity;
  let page;
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    page = await store.directory.page(body.filter, body.query, body.limit, body.offset);
    best = Math.min(best, performance.now() - started);
  }
  console.log(`  page() best of 3: ${best.toFixed(1)} ms; ${page.items.length} items, total ${page.total}${page.estimated ? ' (estimated)' : ''}`);
}
await db.close();
