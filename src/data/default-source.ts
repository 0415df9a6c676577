import type { CrmSource } from './source.js';
import { createLocalSource } from './local-source.js';

let defaultSource: CrmSource | undefined;

/**
 * The source used by elements that have neither a `source` property nor a
 * `<ucrm-provider>` above them. Initially a persisted local source.
 */
export function getDefaultSource(): CrmSource {
  defaultSource ??= createLocalSource();
  return defaultSource;
}

/** Replaces the library-wide default source (e.g. with a REST source). */
export function setDefaultSource(source: CrmSource): void {
  defaultSource = source;
}
