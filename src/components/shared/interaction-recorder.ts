/**
 * Inside the workspace, `<disposition-form>` records through the interaction
 * source: its Save, Save and close and Close become
 * `saveDisposition(id, {path, comment, rescheduleAt}, {close})` (or
 * `close(id)` for a campaign without dispositions), so the source enforces
 * the close rules and every inbox hears the result.
 */
import { CrmError } from '../../core/errors.js';
import type { Interaction } from '../../core/interactions/index.js';
import type { InteractionSource } from '../../data/interactions/source.js';
import type { CallOptions, CrmSource } from '../../data/source.js';
import type { DispositionRecord, DispositionRecorder } from '../disposition-form/recorder.js';

export type RecordedListener = (interaction: Interaction, record: DispositionRecord) => void;

/**
 * `crm` as it is (contacts, campaigns) plus a `saveDisposition` that goes to
 * `interactions`; `onRecorded` hears the source's answer.
 */
export function recordThroughInteractions(
  crm: CrmSource,
  interactions: InteractionSource,
  onRecorded: RecordedListener,
): CrmSource & DispositionRecorder {
  const saveDisposition = async (record: DispositionRecord, options: CallOptions = {}): Promise<Interaction> => {
    const id = record.interactionId;
    if (!id) throw new CrmError('invalid', 'A disposition needs the interaction id.');
    const path = record.path.map((step) => step.id);
    const result =
      record.close && path.length === 0
        ? await interactions.close(id, options)
        : await interactions.saveDisposition(
            id,
            {
              path,
              ...(record.comment ? { comment: record.comment } : {}),
              ...(record.rescheduleAt ? { rescheduleAt: record.rescheduleAt } : {}),
            },
            { ...options, close: record.close },
          );
    onRecorded(result, record);
    return result;
  };
  // A proxy, not a copy: the CRM source may keep private state its methods need as `this`.
  return new Proxy(crm, {
    get(target, key) {
      if (key === 'saveDisposition') return saveDisposition;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has(target, key) {
      return key === 'saveDisposition' || Reflect.has(target, key);
    },
  }) as CrmSource & DispositionRecorder;
}
