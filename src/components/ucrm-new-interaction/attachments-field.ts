/**
 * The attachment picker of text channels: accepted files with a remove
 * button, and the files refused at selection with the reason (type, size and
 * the provider's limit).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { acceptAttribute, checkAttachment, type FileLike } from '../../core/composer/index.js';
import { MEGABYTE } from '../../core/composer/index.js';
import type { Channel, Provider } from '../../core/types.js';
import type { AttachmentInfo } from '../../events.js';
import type { ComposerStrings } from '../../i18n/strings/composer.js';
import { renderFormField } from '../shared/form-field.js';

/** Sizes in MB; in bytes when rounding would make a file over the limit look equal to it. */
function formatSizes(size: number, limit: number, locale: string): [string, string] {
  const mb = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const [a, b] = [mb.format(size / MEGABYTE), mb.format(limit / MEGABYTE)];
  if (a !== b) return [a, b];
  const bytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  return [bytes.format(size), bytes.format(limit)];
}

/** Why `file` cannot be attached on `channel` for `provider`, in the agent's words; undefined when it can. */
export function rejectionOf(file: FileLike, channel: Channel, provider: Provider | undefined, s: ComposerStrings, locale: string): string | undefined {
  const check = checkAttachment(file, channel, provider);
  if (check.ok) return undefined;
  if (check.reason === 'type') return s.rejectedType(file.name, check.extension);
  if (check.reason === 'channel') return s.rejectedChannel(file.name);
  const [size, limit] = formatSizes(check.size, check.limit, locale);
  return s.rejectedSize(file.name, size, limit, check.category);
}

/** Splits picked files into the accepted ones and the messages of the refused ones. */
export function pickFiles(
  files: Iterable<File>,
  channel: Channel,
  provider: Provider | undefined,
  s: ComposerStrings,
  locale: string,
): { accepted: AttachmentInfo[]; rejections: string[] } {
  const accepted: AttachmentInfo[] = [];
  const rejections: string[] = [];
  for (const file of files) {
    const check = checkAttachment(file, channel, provider);
    if (check.ok) accepted.push({ file, category: check.category });
    else rejections.push(rejectionOf(file, channel, provider, s, locale)!);
  }
  return { accepted, rejections };
}

export interface AttachmentsFieldProps {
  strings: ComposerStrings;
  list: readonly AttachmentInfo[];
  rejections: readonly string[];
  onFiles: (files: File[]) => void;
  onRemove: (index: number) => void;
}

export function renderAttachmentsField(p: AttachmentsFieldProps): TemplateResult {
  const s = p.strings;
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be picked again
    p.onFiles(files);
  };
  return renderFormField({
    id: 'files',
    label: s.attach,
    fieldPart: 'attachments',
    control: (aria) => html`<input id=${aria.id} part="file-input" type="file" multiple accept=${acceptAttribute()} @change=${onChange} />`,
    // What was picked, and why some files were refused (announced as they are refused).
    after: html`${p.list.length
      ? html`<ul part="attachment-list" aria-label=${s.attachments}>
          ${p.list.map(
            (a, index) => html`<li part="attachment" data-category=${a.category}>
              <span>${a.file.name}</span>
              <button type="button" part="attachment-remove" aria-label=${s.removeAttachment(a.file.name)} @click=${() => p.onRemove(index)}>
                ×
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}
    ${p.rejections.length
      ? html`<div part="rejections" role="alert">
          <ul>
            ${p.rejections.map((message) => html`<li>${message}</li>`)}
          </ul>
        </div>`
      : nothing}`,
  });
}
