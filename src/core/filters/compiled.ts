/**
 * A cache of compiled filters for the backends that query contacts (the
 * local source's contact management and the reference server). Its own
 * module: the directory imports filter.ts up front and has no use for it.
 */
import { compileFilter, type CompileOptions, type ContactFilter } from './filter.js';
import type { Contact, FieldDef } from '../types.js';

type Predicate = (contact: Contact) => boolean;

/**
 * The filters compiled most recently, by their JSON text: paging, typing a
 * search or counting beside the current filter never recompiles one. The
 * oldest is dropped past `capacity`.
 */
export class CompiledFilters {
  private readonly byText = new Map<string, Predicate>();

  constructor(private readonly capacity: number) {}

  /** The filter's predicate; throws FilterError (a CrmError `invalid`) for a filter the builder would mark invalid. */
  get(filter: ContactFilter, customFields: readonly FieldDef[], options: CompileOptions): Predicate {
    const key = JSON.stringify(filter);
    let test = this.byText.get(key);
    if (!test) {
      test = compileFilter(filter, customFields, options);
      if (this.byText.size >= this.capacity) this.byText.delete(this.byText.keys().next().value!);
      this.byText.set(key, test);
    }
    return test;
  }
}
