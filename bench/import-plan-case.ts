/**
 * The CSV import's planning of 100,000 rows (bench/import-plan.mjs): the
 * longest main-thread stall while it plans, on the main thread (core
 * `planImport`, yielding between slices) and in the Web Worker
 * (import-plan-client.ts), measured two ways: the longest Long Task
 * (PerformanceObserver, tasks of 50 ms and more) and the longest gap between
 * two beats of a MessageChannel heartbeat (any stall, however short).
 */
import { PlanWorker, planWorkerFactory } from '../src/components/ucrm-contact-directory/import-plan-client.js';
import { planImport, readCsv, suggestMapping, type CsvTable } from '../src/core/import/index.js';
import { identityKey } from '../src/core/identity/index.js';
import type { Contact, Identity } from '../src/core/types.js';
import { generateDemoData } from '../src/data/demo-data.js';

interface Stalls {
  totalMs: number;
  longestTaskMs: number;
  longTasks: number;
  longestGapMs: number;
}

/** Runs `work` while watching the main thread. */
async function watch(work: () => Promise<unknown>): Promise<Stalls> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const channel = new MessageChannel();
  let last = performance.now();
  let longestGap = 0;
  let beating = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    if (beating) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  const start = performance.now();
  await work();
  const totalMs = performance.now() - start;
  beating = false;
  // Long Task entries are delivered after the task: give them a frame.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { totalMs, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, longestGapMs: longestGap };
}

async function fixture(rows: number): Promise<{ table: CsvTable; find: (ids: Identity[]) => Contact | undefined }> {
  const { contacts } = generateDemoData({ count: 10_000, seed: 1 });
  const index = new Map<string, Contact>();
  for (const contact of contacts) for (const identity of contact.identities) index.set(identityKey(identity), contact);
  const phones = contacts.flatMap((c) => c.identities.filter((i) => i.kind === 'phone').map((i) => i.value));
  const lines = ['Name,Last name,Phone,Email,Tags'];
  for (let i = 0; i < rows; i++) {
    // One row in ten is an existing contact's phone; the rest are new.
    const phone = i % 10 === 0 ? phones[i % phones.length] : `+5989${String(1_000_000 + i).padStart(7, '0')}`;
    lines.push(`Name ${i},Last ${i},${phone},row${i}@example.com,bench`);
  }
  const table = await readCsv(lines.join('\n'));
  return { table, find: (ids) => ids.map((id) => index.get(identityKey(id))).find(Boolean) };
}

export async function importPlan(rows: number) {
  const { table, find } = await fixture(rows);
  const mapping = suggestMapping(table.headers);
  const mainThread = await watch(() => planImport(table, { mapping, mode: 'skip', defaultRegion: 'UY', findExisting: find }));
  planWorkerFactory.create = () => new Worker(new URL('./import-plan.worker.js', location.href), { type: 'module' });
  let counts = '';
  const worker = await watch(async () => {
    const planner = PlanWorker.create()!;
    const plan = await planner.plan({
      table,
      options: { mapping, mode: 'skip', choices: [], customFields: [], defaultRegion: 'UY' },
      findExistingBatch: async (lists) => lists.map(find),
    });
    counts = JSON.stringify(plan.counts);
    planner.terminate();
  });
  // What crossing to the worker costs on the main thread: a structured clone of the table and of the plan.
  let t = performance.now();
  structuredClone(table);
  const cloneTableMs = performance.now() - t;
  const plan = await planImport(table, { mapping, mode: 'skip', defaultRegion: 'UY', findExisting: find });
  t = performance.now();
  structuredClone(plan);
  const clonePlanMs = performance.now() - t;
  return { rows, mainThread, worker, counts, cloneTableMs, clonePlanMs };
}

(window as unknown as { importPlanBench: unknown }).importPlanBench = { importPlan };
