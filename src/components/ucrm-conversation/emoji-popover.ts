/**
 * The emoji picker (emoji-picker-element, a maintained picker with keyboard
 * use and search), imported the first time the agent opens it, with its
 * interface in the agent's language. Its emoji data is fetched by the picker
 * from `dataSource` when the host serves its own, else from the kit's copy
 * for that language (`emoji-data.ts`: served with the kit, never a CDN), and
 * kept in IndexedDB.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '../../i18n/localize.js';
import { LazyChunk } from '../shared/lazy-chunk.js';
import { emojiDataUrl } from './emoji-data.js';

type PickerModule = typeof import('emoji-picker-element/picker.js');
type PickerElement = InstanceType<PickerModule['default']>;

const I18N: Partial<Record<Locale, () => Promise<{ default: unknown }>>> = {
  es: () => import('emoji-picker-element/i18n/es.js'),
  pt: () => import('emoji-picker-element/i18n/pt_BR.js'),
};

export class EmojiPopover {
  open = false;
  failed = false;
  private picker?: PickerElement;
  readonly chunk: LazyChunk<PickerModule>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      container: () => HTMLElement | null;
      locale: () => Locale;
      dataSource: () => string | undefined;
      label: () => string;
      onPick: (emoji: string) => void;
      onClose: () => void;
    },
  ) {
    this.chunk = new LazyChunk(host, () => import('emoji-picker-element/picker.js'), {
      failed: () => {
        this.failed = true;
        host.requestUpdate();
      },
      loaded: () => (this.failed = false),
    });
  }

  toggle(): void {
    if (this.open) return this.close();
    this.open = true;
    this.host.requestUpdate();
    this.chunk.with((module) => void this.mount(module));
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.picker?.remove();
    this.picker = undefined;
    this.host.requestUpdate();
    this.options.onClose();
  }

  private async mount(module: PickerModule): Promise<void> {
    await this.host.updateComplete;
    const container = this.options.container();
    if (!this.open || !container) return;
    const locale = this.options.locale();
    const i18n = await I18N[locale]?.().then((m) => m.default).catch(() => undefined);
    if (!this.open) return;
    const picker = new module.default({
      locale,
      dataSource: this.options.dataSource() || emojiDataUrl(locale),
      ...(i18n ? { i18n: i18n as never } : {}),
    });
    picker.setAttribute('aria-label', this.options.label());
    picker.setAttribute('part', 'emoji-picker');
    picker.addEventListener('emoji-click', (event) => {
      const unicode = event.detail.unicode;
      if (unicode) this.options.onPick(unicode);
    });
    picker.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') {
        event.stopPropagation();
        this.close();
      }
    });
    this.picker?.remove();
    container.append(picker);
    this.picker = picker;
    // The search box is the picker's first control.
    requestAnimationFrame(() => picker.shadowRoot?.querySelector<HTMLElement>('input')?.focus());
  }
}
