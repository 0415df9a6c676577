import type { CrmSource } from './source.js';
import { createLocalSource } from './local-source.js';

let defaultSource: CrmSource | undefined;

/**
 * The source used by elements that have neither a `source` property nor a
 * `<ucrm-provider>` above them: a persisted local source, loaded on first use
 * so that pages which configure their own source never download it.
 */
export function getDefaultSource(): CrmSource {
  defaultSource ??= createLocalSource();
  return defaultSource;
}

/** Replaces the library-wide default source (e.g. with a REST source). */
export function setDefaultSource(source: CrmSource): void {
  defaultSource = source;
}
