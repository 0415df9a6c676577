import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Contact } from '../src/core/types.js';
import { DEMO_FIXTURES } from '../src/data/demo-data.js';
import type { Candidate, CrmSource } from '../src/data/source.js';
import '../src/define/contact-matcher.js';
import { demoSource, failingSource, pendingSource } from './screen-pop-samples.js';

interface Args {
  mode: string;
  query: string;
  candidates: (Candidate | Contact)[];
  source?: CrmSource;
  noCreate?: boolean;
}

const parent = DEMO_FIXTURES.familyParent.contact as unknown as Contact;
const child = DEMO_FIXTURES.familyChild.contact as unknown as Contact;
const ana = DEMO_FIXTURES.brazilLegacyMobile.contact as unknown as Contact;
const shared = { kind: 'phone', value: '+59899123456' } as const;

const candidates: Candidate[] = [
  { contact: parent, reason: { identity: shared, rule: 'exact' } },
  { contact: { ...child, blocked: true }, reason: { identity: shared, rule: 'exact' } },
  { contact: ana, reason: { identity: { kind: 'phone', value: '+551187654321' }, rule: 'br-ninth-digit' } },
];

const meta: Meta<Args> = {
  title: 'Screen pop/contact-matcher',
  component: 'contact-matcher',
  args: { mode: 'candidates', query: '', candidates },
  argTypes: { mode: { control: 'inline-radio', options: ['candidates', 'search'] } },
  render: ({ mode, query, candidates, source, noCreate }) =>
    html`<contact-matcher
      mode=${mode}
      ?no-create=${noCreate ?? false}
      query=${query}
      .candidates=${candidates}
      .source=${source ?? demoSource()}
      style="max-width: 32rem"
    ></contact-matcher>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Candidates with why each matched; a blocked one is marked; the list ends with "None of these — create a new contact". Arrows move, Enter picks. */
export const Candidates: Story = {};

/** The candidates without the closing "None of these — create a new contact" option (`no-create`). */
export const CandidatesWithoutCreate: Story = { args: { noCreate: true } };

/** Plain contacts, no reasons. */
export const PlainContacts: Story = { args: { candidates: [parent, child] } };

/** No candidates. */
export const NoCandidates: Story = { args: { candidates: [] } };

/** Search mode, nothing typed yet. */
export const SearchEmpty: Story = { args: { mode: 'search' } };

/** Search results for "perez" over the demo data. */
export const SearchResults: Story = { args: { mode: 'search', query: 'perez' } };

/** Nothing matches. */
export const SearchNoMatches: Story = { args: { mode: 'search', query: 'zzzz qqqq' } };

/** Waiting for the source. */
export const Searching: Story = { args: { mode: 'search', query: 'ana', source: pendingSource() } };

/** The search failed: message and Retry; the query is kept. */
export const SearchError: Story = { args: { mode: 'search', query: 'ana', source: failingSource() } };

/** Portuguese. */
export const Portuguese: Story = {
  render: (args, context) => html`<div lang="pt">${meta.render!(args, context)}</div>`,
};
