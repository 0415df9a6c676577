/**
 * What the simulator learns about a customer from the contacts source: the
 * shared rules live in core (`lookUpCustomer`, `contactName`, also used by
 * the reference server); this names the simulator's lookup over a `CrmSource`.
 */
import type { CrmSource } from '../source.js';

export { contactName, lookUpCustomer, type CustomerInfo } from '../../core/interactions/index.js';

export type ContactLookup = Pick<CrmSource, 'findByIdentity'> & Partial<Pick<CrmSource, 'getContact'>>;
