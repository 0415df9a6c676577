import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ContactFilter, SavedView } from '../src/core/filters/index.js';
import type { Contact, FieldDef } from '../src/core/types.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { CrmSource } from '../src/data/source.js';
import '../src/define/ucrm-contact-directory.js';
import { virtualizerImport } from '../src/components/ucrm-contact-directory/table-virtualizer.js';

interface Args {
  count: number;
  views: SavedView[];
  query: string;
  filter: ContactFilter;
  lang: string;
}

const FIRST = ['Ana', 'José', 'María', 'Luis', 'João', 'Lucía', 'Pedro', 'Camila', 'Tomás', 'Beatriz'];
const LAST = ['Souza', 'Núñez', 'Gómez', 'Pérez', 'Silva', 'Fernández', 'Oliveira', 'Rodríguez'];
const TAGS = ['VIP', 'Lead', 'Newsletter', 'Promo'];
const STAGES = ['Lead', 'Prospect', 'Customer'];

const fields: FieldDef[] = [
  { key: 'score', label: 'Score', type: 'number' },
  { key: 'renewal', label: 'Renewal', type: 'date' },
];

/** Deterministic sample contacts, so every story looks the same on every load. */
function sampleContacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, i) => {
    const phone = `+5989${String(1_000_000 + ((i * 7919) % 8_999_999)).padStart(7, '0')}`;
    return {
      id: `c${i}`,
      firstName: FIRST[i % FIRST.length],
      lastName: LAST[(i * 3) % LAST.length],
      phones: i % 4 === 3 ? [] : [phone],
      emails: i % 3 === 0 ? [] : [`user${i}@example.com`],
      identities: i % 4 === 3 ? [] : [{ kind: 'phone', value: phone }],
      tags: TAGS.filter((_, t) => (i >> t) % 3 === 0),
      notes: [],
      custom: { score: (i * 37) % 100, renewal: `2025-${String((i % 12) + 1).padStart(2, '0')}-15` },
      blocked: i % 17 === 0,
      unsubscribed: i % 11 === 0,
      leadStage: STAGES[i % STAGES.length],
      owner: i % 5 === 0 ? undefined : ['ana', 'luis', 'camila'][i % 3],
      createdAt: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString(),
      updatedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    };
  });
}

const NO_FILTER: ContactFilter = { match: 'all', conditions: [], expression: '' };

const meta: Meta<Args> = {
  title: 'Contact management/ucrm-contact-directory',
  component: 'ucrm-contact-directory',
  args: { count: 200, views: [], query: '', filter: NO_FILTER, lang: 'en' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'es', 'pt'] } },
  render: ({ count, views, query, filter, lang }) =>
    html`<ucrm-contact-directory
      lang=${lang}
      query=${query}
      .contacts=${sampleContacts(count)}
      .fields=${fields}
      .filter=${filter}
      .views=${views}
      columns-key="storybook"
    ></ucrm-contact-directory>`,
};
export default meta;

type Story = StoryObj<Args>;

/** 200 contacts: search, filter, select, delete with the typed count. */
export const Default: Story = {};

/** 100,000 contacts: the table is virtualized, filters compile once and stay interactive. */
export const HundredThousand: Story = { args: { count: 100_000 } };

/** A search for "souza". */
export const Search: Story = { args: { query: 'souza' } };

/** Meet all: VIP customers. */
export const MeetAll: Story = {
  args: {
    filter: {
      match: 'all',
      conditions: [
        { field: 'tags', op: 'is', value: 'VIP' },
        { field: 'leadStage', op: 'is', value: 'Customer' },
      ],
    },
  },
};

/** A logic expression: `(1 or 2) and 3`. */
export const LogicExpression: Story = {
  args: {
    filter: {
      match: 'expression',
      expression: '(1 or 2) and 3',
      conditions: [
        { field: 'tags', op: 'is', value: 'VIP' },
        { field: 'score', op: 'greater', value: '80' },
        { field: 'blocked', op: 'is', value: 'false' },
      ],
    },
  },
};

/** An invalid expression: "Invalid logical expression." with why and where. */
export const InvalidExpression: Story = {
  args: {
    filter: {
      match: 'expression',
      expression: '(1 or 4) and 2',
      conditions: [
        { field: 'tags', op: 'is', value: 'VIP' },
        { field: 'owner', op: 'is not empty' },
      ],
    },
  },
};

/** An incomplete condition: its problem is shown, the list keeps the last valid filter. */
export const IncompleteCondition: Story = {
  args: { filter: { match: 'all', conditions: [{ field: 'score', op: 'greater', value: '' }] } },
};

/** Saved views beside the table: one public, one private. */
export const SavedViews: Story = {
  args: {
    views: [
      { id: 'vip', name: 'VIP customers', public: true, filter: MeetAll.args!.filter! },
      { id: 'mine', name: 'My leads', public: false, filter: { match: 'all', conditions: [{ field: 'owner', op: 'is', value: 'ana' }, { field: 'leadStage', op: 'is', value: 'Lead' }] } },
    ],
  },
};

/** No contacts. */
export const Empty: Story = { args: { count: 0 } };

/** Replaces how the table's code is fetched for one story; the returned cleanup puts it back. */
function holdTableCode(load: typeof virtualizerImport.load) {
  return () => {
    const real = virtualizerImport.load;
    virtualizerImport.load = load;
    return () => void (virtualizerImport.load = real);
  };
}

/** While the table's code (the virtualizer) is on its way: the count is there, the table shows its loading row and is `aria-busy`. */
export const TableCodeLoading: Story = { beforeEach: holdTableCode(() => new Promise(() => {})) };

/** The table's code could not be fetched: the error says so, with Retry (which fetches it again). */
export const TableCodeFailed: Story = {
  beforeEach: holdTableCode(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
};

/** In Spanish. */
export const Spanish: Story = { args: { lang: 'es', filter: InvalidExpression.args!.filter } };

/**
 * On a data source (no `contacts`): an in-memory local source with 2,000
 * contacts; rows are paged in as the list scrolls, every operation writes
 * through the source, views are private to `agent-id`, and a picked contact
 * opens its details.
 */
export const OnLocalSource: Story = {
  render: ({ lang }) =>
    html`<ucrm-contact-directory
      lang=${lang}
      agent-id="ana"
      default-region="UY"
      .source=${createLocalSource({ persist: false, contacts: sampleContacts(2000), sections: [{ id: 'crm', title: 'CRM', campaigns: [], fields }] })}
    ></ucrm-contact-directory>`,
};

/** A source without contact management: the directory says so instead of staying blank. */
export const SourceWithoutManagement: Story = {
  render: ({ lang }) => {
    const local = createLocalSource({ persist: false, contacts: sampleContacts(20) });
    const plain: CrmSource = {
      getContact: (...a) => local.getContact(...a),
      findByIdentity: (...a) => local.findByIdentity(...a),
      search: (...a) => local.search(...a),
      createContact: (...a) => local.createContact(...a),
      updateContact: (...a) => local.updateContact(...a),
      addIdentity: (...a) => local.addIdentity(...a),
      removeIdentity: (...a) => local.removeIdentity(...a),
      listSections: (...a) => local.listSections(...a),
      listCampaigns: (...a) => local.listCampaigns(...a),
    };
    return html`<ucrm-contact-directory lang=${lang} .source=${plain}></ucrm-contact-directory>`;
  },
};

/** The Block segment's rows offer Unblock (the contact returns to the main list); other rows offer New conversation. */
export const BlockSegmentUnblock: Story = {
  args: { filter: { match: 'all', conditions: [{ field: 'blocked', op: 'is', value: 'true' }], expression: '' } },
  render: ({ lang, filter }) =>
    html`<ucrm-contact-directory
      lang=${lang}
      agent-id="ana"
      default-region="UY"
      .filter=${filter}
      .source=${createLocalSource({ persist: false, contacts: sampleContacts(200) })}
    ></ucrm-contact-directory>`,
};

/** Saved views of the agent have Edit (rename, filter, visibility) and Delete (confirmed); another agent's public view has neither. */
export const EditableViews: Story = {
  loaders: [
    async () => {
      const source = createLocalSource({ persist: false, contacts: sampleContacts(200) });
      await source.ready;
      await source.saveView({ name: 'My VIPs', filter: { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'vip' }] }, public: false, owner: 'ana' });
      await source.saveView({ name: 'Team leads', filter: { match: 'all', conditions: [{ field: 'tags', op: 'is', value: 'lead' }] }, public: true, owner: 'luis' });
      return { source };
    },
  ],
  render: ({ lang }, { loaded }) =>
    html`<ucrm-contact-directory lang=${lang} agent-id="ana" .source=${(loaded as { source: CrmSource }).source}></ucrm-contact-directory>`,
};
