/**
 * The benchmark page: bench/run.mjs bundles it, opens it in headless
 * Chromium and calls the cases one at a time through `window.ucrmBench`.
 */
import { searchCase } from './lib/search-case.js';
import { identityCase, sourceLookupCase } from './lib/identity-case.js';
import { filterCase } from './lib/filter-case.js';

declare global {
  interface Window {
    ucrmBench: Record<string, (...args: any[]) => Promise<unknown>>;
  }
}

window.ucrmBench = {
  search: searchCase,
  identity: identityCase,
  sourceLookup: sourceLookupCase,
  filter: filterCase,
  // A separate bundle (bench/run.mjs builds it apart), so a broken element only skips its case.
  screenPop: async (count: number, rings?: number) => {
    const url = new URL('./screen-pop.js', import.meta.url).href;
    const module = (await import(/* @vite-ignore */ url)) as typeof import('./lib/screen-pop-case.js');
    return module.screenPopCase(count, rings);
  },
  environment: async () => ({
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    preciseHeap: Boolean((performance as { memory?: unknown }).memory),
  }),
};
