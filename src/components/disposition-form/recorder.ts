import type { CallOptions, CrmSource } from '../../data/source.js';
import type { DispositionSavedDetail } from '../../events.js';

/** What a recording source receives: the event's detail plus the campaign. */
export interface DispositionRecord extends DispositionSavedDetail {
  campaignId?: string;
}

/**
 * An optional source capability, detected structurally (it is not part of
 * `CrmSource`): a source that records dispositions itself.
 */
export interface DispositionRecorder {
  saveDisposition(record: DispositionRecord, options?: CallOptions): Promise<unknown>;
}

export function canRecord(source: CrmSource): source is CrmSource & DispositionRecorder {
  return typeof (source as Partial<DispositionRecorder>).saveDisposition === 'function';
}
