/**
 * The directory's CSV import, one story per step: each `play` drives the
 * dialog there (choose the file, preview, write…) on an in-memory local
 * source, held or refused where a step needs it.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { UcrmContactDirectory } from '../src/components/ucrm-contact-directory/ucrm-contact-directory.js';
import { CrmError } from '../src/core/errors.js';
import type { Contact } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { CrmSource } from '../src/data/source.js';
import '../src/define/ucrm-contact-directory.js';

interface Args {
  lang: string;
  /** How each import batch is answered: at once, never (held), or refused from the second batch on. */
  batches: 'write' | 'hold' | 'refuse-second';
}

const existing: Contact[] = ['Ana Souza:+59899123456', 'José Núñez:+59899765432', 'Lucía Gómez:+59898111222'].map((entry, i) => {
  const [name, phone] = entry.split(':');
  const [firstName, lastName] = name.split(' ');
  return {
    id: `c${i}`,
    firstName,
    lastName,
    phones: [phone],
    emails: [],
    identities: [{ kind: 'phone', value: phone }],
    tags: [],
    notes: [],
    custom: {},
    blocked: false,
    unsubscribed: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
});

/** A file with a bit of everything: matches, new contacts, a duplicate, bad cells, an empty row, and 1,200 more rows. */
const FILE = [
  'Nombre,Teléfono,E-mail,Etiquetas',
  'Ana María,099 123 456,,VIP',
  'Pedro,+1 415 555 0100,pedro@example.com,',
  'Pedro Again,,PEDRO@example.com,Lead',
  ',,,',
  'Bad Phone,12,,',
  'Bad Email,,not-an-email,',
  'José,+598 99 765 432,,Promo',
  ...Array.from({ length: 1200 }, (_, i) => `Story ${i},,story${i}@example.com,`),
].join('\n');

/** A local source whose imports are answered as the story says. */
function source(batches: Args['batches']): CrmSource {
  const local = createLocalSource({ persist: false, contacts: existing, defaultRegion: 'UY' });
  if (batches === 'write') return local;
  let calls = 0;
  return new Proxy(local, {
    get(target, prop) {
      if (prop === 'importContacts') {
        return async (...args: unknown[]) => {
          calls += 1;
          if (batches === 'hold') return new Promise(() => {});
          if (calls > 1) throw new CrmError('unavailable', 'The server refused the batch (story).');
          return (target as unknown as { importContacts: (...a: unknown[]) => unknown }).importContacts(...args);
        };
      }
      if (prop === 'loaded') return undefined;
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const root = (canvas: HTMLElement) => canvas.querySelector<UcrmContactDirectory>('ucrm-contact-directory')!.shadowRoot!;

async function until<T>(find: () => T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import step did not appear');
}

async function openWith(canvas: HTMLElement, text: string) {
  const shadow = root(canvas);
  (await until(() => shadow.querySelector<HTMLButtonElement>('[part="import-button"]'))).click();
  const input = await until(() => shadow.querySelector<HTMLInputElement>('[part="import-file"]'));
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'contacts.csv', { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function toPreview(canvas: HTMLElement) {
  await openWith(canvas, FILE);
  const shadow = root(canvas);
  (await until(() => shadow.querySelector<HTMLButtonElement>('[part="import-preview-button"]'))).click();
  await until(() => shadow.querySelector('[part="import-counts"]'));
}

async function startWriting(canvas: HTMLElement) {
  await toPreview(canvas);
  const shadow = root(canvas);
  (await until(() => shadow.querySelector<HTMLButtonElement>('[part="import-start"]:not([disabled])'))).click();
  await until(() => shadow.querySelector('[part="import-stop"]') || shadow.querySelector('[part="import-outcome"]'));
}

const meta: Meta<Args> = {
  title: 'Contact management/ucrm-contact-directory/CSV import',
  component: 'ucrm-contact-directory',
  args: { lang: 'en', batches: 'write' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'es', 'pt'] },
    batches: { control: 'inline-radio', options: ['write', 'hold', 'refuse-second'] },
  },
  render: ({ lang, batches }) =>
    html`<ucrm-contact-directory lang=${lang} default-region="UY" .source=${source(batches)}></ucrm-contact-directory>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Step 1: choose a CSV file. */
export const ChooseFile: Story = {
  play: async ({ canvasElement }) => {
    const shadow = root(canvasElement);
    (await until(() => shadow.querySelector<HTMLButtonElement>('[part="import-button"]'))).click();
  },
};

/** The file could not be read: the message says what to do, with the report. */
export const FileUnreadable: Story = { play: ({ canvasElement }) => openWith(canvasElement, '\n\n') };

/** Step 2: the columns, mapped from their header names. */
export const Mapping: Story = {
  play: async ({ canvasElement }) => {
    await openWith(canvasElement, FILE);
    await until(() => root(canvasElement).querySelector('[part="import-mapping"]'));
  },
};

/** Step 3: the preview; existing contacts are skipped unless the user chooses to update them. */
export const Preview: Story = { play: ({ canvasElement }) => toPreview(canvasElement) };

/** The preview with "Update existing contacts" chosen. */
export const PreviewUpdating: Story = {
  play: async ({ canvasElement }) => {
    await toPreview(canvasElement);
    root(canvasElement).querySelector<HTMLInputElement>('[part="import-mode"] input[value="update"]')!.click();
  },
};

/** The preview in Spanish. */
export const PreviewSpanish: Story = { args: { lang: 'es' }, play: ({ canvasElement }) => toPreview(canvasElement) };

/** Step 4: writing, batch by batch (held here), with Stop. */
export const Writing: Story = { args: { batches: 'hold' }, play: ({ canvasElement }) => startWriting(canvasElement) };

/** Stop asked: it ends after the current batch. */
export const Stopping: Story = {
  args: { batches: 'hold' },
  play: async ({ canvasElement }) => {
    await startWriting(canvasElement);
    root(canvasElement).querySelector<HTMLButtonElement>('[part="import-stop"]')!.click();
  },
};

/** Step 5: the summary, with the report to download. */
export const Finished: Story = {
  play: async ({ canvasElement }) => {
    await startWriting(canvasElement);
    await until(() => root(canvasElement).querySelector('[part="import-outcome"]'));
  },
};

/** A batch refused: what was written, the error with Retry (writes the rest), the report. */
export const BatchRefused: Story = {
  args: { batches: 'refuse-second' },
  play: async ({ canvasElement }) => {
    await startWriting(canvasElement);
    await until(() => root(canvasElement).querySelector('[part="import-outcome"]'));
  },
};
