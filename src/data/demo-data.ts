/**
 * Deterministic demo data for the local source, the demo page, stories and
 * the benchmark: the same seed always gives the same contacts, campaigns and
 * sections. Phones are built from digit patterns (not through libphonenumber)
 * so 100k contacts generate in well under a second; the tests check every
 * pattern against libphonenumber.
 */
import type { KnownLeadStage } from '../core/contacts/index.js';
import { mulberry32 } from '../core/util/index.js';
import { foldText } from '../core/util/index.js';
import type {
  Campaign,
  Channel,
  Contact,
  CustomSection,
  DispositionNode,
  Identity,
  InteractionContext,
  Note,
} from '../core/types.js';

export interface DemoDataOptions {
  /** Number of contacts, fixtures included (default 2000). */
  count?: number;
  /** PRNG seed (default 1). */
  seed?: number;
}

export interface DemoData {
  contacts: Contact[];
  campaigns: Campaign[];
  sections: CustomSection[];
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (random: Random, count: number): string => {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
};
const chance = (random: Random, probability: number): boolean => random() < probability;

// ---- names ------------------------------------------------------------------

type Language = 'es' | 'pt' | 'en';

const FIRST_NAMES: Record<Language, readonly string[]> = {
  es: ['José', 'María', 'Lucía', 'Martín', 'Sofía', 'Ramón', 'Inés', 'Joaquín', 'Begoña', 'Agustín', 'Valentina', 'Andrés', 'Camila', 'Íñigo', 'Mónica', 'Raúl', 'Florencia', 'Germán', 'Ángela', 'Tomás'],
  pt: ['João', 'Conceição', 'Antônio', 'Luíza', 'Sebastião', 'Gonçalo', 'Letícia', 'Cauã', 'Júlia', 'Vitória', 'Estêvão', 'Lúcio', 'Mariana', 'Thiago', 'Açucena', 'Fábio'],
  en: ['Emily', 'Michael', 'Sarah', 'David', 'Olivia', 'James', 'Chloé', 'Liam', 'Zoë', 'Noah', 'Ava', 'Ethan'],
};

const LAST_NAMES: Record<Language, readonly string[]> = {
  es: ['González', 'Pérez', 'Rodríguez', 'Fernández', 'Núñez', 'Peña', 'Muñoz', 'Martínez', 'Gómez', 'Díaz', 'Sánchez', 'Álvarez', 'Ibáñez', 'Suárez', 'Castaño', 'Ortiz'],
  pt: ['Simões', 'Magalhães', 'Araújo', 'Gonçalves', 'Conceição', 'Assunção', 'Brandão', 'Falcão', 'Lopes', 'Souza', 'Guimarães', 'Romão'],
  en: ['Smith', "O'Brien", 'Johnson', 'Williams', 'Brown', 'Taylor', 'Moore', 'Anderson', 'Clarke', 'Wright'],
};

const slugs = new Map<string, string>();
/** Strips accents and anything an email local part would not have (memoized: names repeat a lot). */
function slug(text: string): string {
  let out = slugs.get(text);
  if (out === undefined) {
    out = foldText(text).replace(/[^a-z0-9]+/g, '');
    slugs.set(text, out);
  }
  return out;
}

// ---- phones -----------------------------------------------------------------

type Country = 'UY' | 'AR' | 'BR' | 'MX' | 'ES' | 'US';

interface DemoPhone {
  /** E.164 */
  e164: string;
  /** As a person would write it down. */
  display: string;
}

/**
 * Valid numbers per country, each with a few display styles. The ranges that
 * the fixtures and the demo's "unknown number" interactions use are never
 * generated (UY mobiles starting 98 or 99, BR 11 8765/98765, ...), so those
 * stay unique whatever the seed.
 */
const PHONES: Record<Country, (random: Random) => DemoPhone> = {
  UY(random) {
    if (chance(random, 0.8)) {
      const n = `9${pick(random, ['1', '2', '3', '4', '5', '6', '7'])}${digits(random, 6)}`;
      const display = pick(random, [
        `+598 ${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`,
        `00598 ${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`,
        `+598 ${n}`,
      ]);
      return { e164: `+598${n}`, display };
    }
    const n = `2${pick(random, ['4', '6', '7', '9'])}${digits(random, 6)}`;
    return { e164: `+598${n}`, display: `+598 ${n.slice(0, 4)} ${n.slice(4)}` };
  },
  AR(random) {
    const [area, length] = pick(random, [['11', 8], ['351', 7], ['341', 7], ['261', 7]] as const);
    const n = `${pick(random, ['4', '5', '6'])}${digits(random, length - 1)}`;
    const split = n.length - 4;
    // Mobiles are often stored without the 9; the index matches both forms.
    return chance(random, 0.7)
      ? { e164: `+549${area}${n}`, display: `+54 9 ${area} ${n.slice(0, split)}-${n.slice(split)}` }
      : { e164: `+54${area}${n}`, display: `+54 ${area} ${n.slice(0, split)}-${n.slice(split)}` };
  },
  BR(random) {
    const area = pick(random, ['21', '31', '41', '51', '61', '71', '81', '85']);
    if (chance(random, 0.75)) {
      const n = `9${pick(random, ['6', '7', '8', '9'])}${digits(random, 7)}`;
      return { e164: `+55${area}${n}`, display: `+55 (${area}) ${n.slice(0, 5)}-${n.slice(5)}` };
    }
    const n = `${pick(random, ['2', '3', '4'])}${digits(random, 7)}`;
    return { e164: `+55${area}${n}`, display: `+55 ${area} ${n.slice(0, 4)}-${n.slice(4)}` };
  },
  MX(random) {
    const area = pick(random, ['33', '81']);
    const n = `${pick(random, ['1', '2', '3', '8'])}${digits(random, 7)}`;
    return { e164: `+52${area}${n}`, display: `+52 ${area} ${n.slice(0, 4)} ${n.slice(4)}` };
  },
  ES(random) {
    const n = chance(random, 0.7) ? `6${digits(random, 8)}` : `91${pick(random, ['2', '3', '4', '5'])}${digits(random, 6)}`;
    return { e164: `+34${n}`, display: `+34 ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}` };
  },
  US(random) {
    const area = pick(random, ['212', '305', '312', '415', '617', '713']);
    const n = `${pick(random, ['2', '3', '4', '6', '7', '8'])}${digits(random, 2)}${digits(random, 4)}`;
    return { e164: `+1${area}${n}`, display: `+1 (${area}) ${n.slice(0, 3)}-${n.slice(3)}` };
  },
};

const COUNTRIES: readonly { country: Country; language: Language; weight: number; domains: readonly string[] }[] = [
  { country: 'UY', language: 'es', weight: 30, domains: ['gmail.com', 'hotmail.com', 'adinet.com.uy'] },
  { country: 'AR', language: 'es', weight: 15, domains: ['gmail.com', 'yahoo.com.ar', 'fibertel.com.ar'] },
  { country: 'BR', language: 'pt', weight: 20, domains: ['gmail.com', 'uol.com.br', 'bol.com.br'] },
  { country: 'MX', language: 'es', weight: 15, domains: ['gmail.com', 'hotmail.com', 'prodigy.net.mx'] },
  { country: 'ES', language: 'es', weight: 10, domains: ['gmail.com', 'telefonica.es', 'outlook.es'] },
  { country: 'US', language: 'en', weight: 10, domains: ['gmail.com', 'outlook.com', 'example.com'] },
];

function pickCountry(random: Random): (typeof COUNTRIES)[number] {
  let roll = random() * 100;
  for (const entry of COUNTRIES) {
    roll -= entry.weight;
    if (roll < 0) return entry;
  }
  return COUNTRIES[0]!;
}

// ---- sections and campaigns -----------------------------------------------

// The generated custom values are picked from the sections' own options.
const LANGUAGE_OPTIONS = ['Español', 'Português', 'English'];
const PRODUCT_OPTIONS = ['Fibra 300', 'Fibra 1000', 'Móvil Plus', 'TV Hogar'];
const PLAN_OPTIONS = ['Básico', 'Pro', 'Empresa'];

export const DEMO_SECTIONS: readonly CustomSection[] = [
  {
    id: 'general',
    title: 'General',
    campaigns: [],
    fields: [
      { key: 'customerNumber', label: 'Customer number', type: 'text' },
      { key: 'preferredLanguage', label: 'Preferred language', type: 'select', options: LANGUAGE_OPTIONS },
      { key: 'birthDate', label: 'Birth date', type: 'date' },
    ],
  },
  {
    id: 'sales',
    title: 'Sales',
    campaigns: ['sales', 'collections'],
    fields: [
      { key: 'budget', label: 'Budget (USD)', type: 'number' },
      { key: 'product', label: 'Product of interest', type: 'select', options: PRODUCT_OPTIONS },
      { key: 'newsletter', label: 'Newsletter', type: 'checkbox' },
      { key: 'nextFollowUp', label: 'Next follow-up', type: 'datetime' },
    ],
  },
  {
    id: 'support',
    title: 'Support',
    campaigns: ['support'],
    fields: [
      { key: 'plan', label: 'Plan', type: 'select', options: PLAN_OPTIONS },
      { key: 'openTickets', label: 'Open tickets', type: 'number' },
      { key: 'lastIssue', label: 'Last issue', type: 'text' },
      { key: 'warrantyUntil', label: 'Warranty until', type: 'date' },
      { key: 'website', label: 'Website', type: 'url' },
    ],
  },
];

/** A disposition; with `children`, a group the agent opens to choose one of them. */
function disposition(id: string, label: string, children?: DispositionNode[]): DispositionNode {
  return children ? { id, label, children } : { id, label };
}

const SALES_DISPOSITIONS: DispositionNode[] = [
  disposition('contacted', 'Contacted', [
    disposition('interested', 'Interested', [disposition('sale', 'Sale closed'), disposition('quote', 'Quote sent')]),
    disposition('not-interested', 'Not interested', [disposition('price', 'Price'), disposition('competitor', 'Already has a provider')]),
  ]),
  disposition('not-contacted', 'Not contacted', [disposition('no-answer', 'No answer'), disposition('wrong-number', 'Wrong number')]),
];

const SUPPORT_DISPOSITIONS: DispositionNode[] = [
  disposition('resolved', 'Resolved', [disposition('first-contact', 'On first contact'), disposition('escalated-resolved', 'After escalation')]),
  disposition('pending', 'Pending', [disposition('ticket-open', 'Ticket opened'), disposition('waiting-customer', 'Waiting for the customer')]),
];

const COLLECTIONS_DISPOSITIONS: DispositionNode[] = [
  disposition('promise', 'Promise to pay', [disposition('promise-full', 'Full amount'), disposition('promise-partial', 'Partial amount')]),
  disposition('callback', 'Call back', [{ id: 'reschedule', label: 'Reschedule call', kind: 'reschedule' }]),
  disposition('refused', 'Refused to pay', [
    disposition('dispute', 'Disputes the debt', [disposition('dispute-amount', 'Amount'), disposition('dispute-service', 'Service never received')]),
  ]),
];

const VENDAS_DISPOSITIONS: DispositionNode[] = [
  disposition('venda', 'Venda', [disposition('fechada', 'Fechada'), disposition('perdida', 'Perdida')]),
  disposition('duvida', 'Dúvida', [disposition('respondida', 'Respondida')]),
];

const ALL_INBOUND: Channel[] = ['phone', 'whatsapp', 'sms', 'email', 'webchat', 'instagram', 'messenger', 'telegram'];

export const DEMO_CAMPAIGNS: readonly Campaign[] = [
  {
    id: 'sales',
    name: 'Sales',
    channels: ['phone', 'whatsapp', 'email', 'webchat'],
    outboundChannels: ['phone', 'whatsapp', 'sms', 'email'],
    provider: 'meta',
    signature: '<p>Kind regards,<br><strong>The Sales team</strong></p>',
    templates: [
      { id: 'welcome', name: 'Welcome', channel: 'whatsapp', approved: true, body: 'Hola {{1}}, gracias por tu interés en {{2}}. ¿Cuándo te podemos llamar?' },
      { id: 'quote-follow-up', name: 'Quote follow-up', channel: 'whatsapp', approved: true, body: 'Hola {{1}}, te enviamos la cotización de {{2}} por {{3}}. ¿Alguna duda?' },
      { id: 'promo-draft', name: 'Promotion (pending approval)', channel: 'whatsapp', approved: false, body: '¡{{1}}, este mes 50% de descuento!' },
      { id: 'quote-email', name: 'Quote', channel: 'email', body: '<p>Dear {{name}},</p><p>Please find your quote attached.</p>' },
    ],
    dispositions: SALES_DISPOSITIONS,
    commentRequired: true,
    wrapUpSeconds: 30,
    region: 'UY',
    assignment: 'manual',
    transferTimeoutSeconds: 30,
    hours: { timeZone: 'America/Montevideo', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '18:00' })) },
    form: { kind: 'sections', name: 'Sales form', manualAccess: true },
  },
  {
    id: 'support',
    name: 'Support',
    channels: ALL_INBOUND,
    outboundChannels: ['whatsapp', 'email'],
    provider: 'gupshup',
    signature: '<p>Support team — we are here to help.</p>',
    templates: [
      { id: 'ticket-update', name: 'Ticket update', channel: 'whatsapp', approved: true, body: 'Hola {{1}}, tu caso {{2}} fue actualizado: {{3}}.' },
      { id: 'survey', name: 'Satisfaction survey', channel: 'email', body: '<p>How did we do, {{name}}?</p>' },
    ],
    dispositions: SUPPORT_DISPOSITIONS,
    wrapUpSeconds: 60,
    region: 'UY',
    assignment: 'auto',
    transferTimeoutSeconds: 45,
    bot: { name: 'Botito' },
    form: { kind: 'sections', name: 'Support ticket', mandatory: true },
  },
  {
    id: 'collections',
    name: 'Collections (Outbound Hub)',
    channels: ['phone'],
    outboundChannels: ['phone', 'sms', 'whatsapp'],
    provider: 'whatsapp-business',
    outboundHub: true,
    templates: [
      { id: 'payment-reminder', name: 'Payment reminder', channel: 'whatsapp', approved: true, body: 'Hola {{1}}, te recordamos que tu factura de {{2}} vence el {{3}}.' },
      { id: 'sms-reminder', name: 'SMS reminder', channel: 'sms', body: 'Your invoice is due on {{1}}.' },
    ],
    dispositions: COLLECTIONS_DISPOSITIONS,
    wrapUpSeconds: 20,
    region: 'AR',
    transferTimeoutSeconds: 20,
    hours: { timeZone: 'America/Argentina/Buenos_Aires', weekly: [1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '08:00', to: '20:00' })) },
  },
  {
    id: 'vendas-br',
    name: 'Vendas Brasil',
    channels: ['whatsapp', 'phone', 'instagram'],
    outboundChannels: ['whatsapp'],
    provider: 'meta',
    templates: [
      { id: 'boas-vindas', name: 'Boas-vindas', channel: 'whatsapp', approved: true, body: 'Olá {{1}}, obrigado pelo contato! Em que podemos ajudar?' },
    ],
    dispositions: VENDAS_DISPOSITIONS,
    wrapUpSeconds: 30,
    region: 'BR',
    assignment: 'auto',
    form: { kind: 'url', url: 'https://forms.example.com/vendas', name: 'Cadastro', manualAccess: true },
  },
];

// ---- fixtures -----------------------------------------------------------------

const FIXED_DATE = '2025-01-15T12:00:00.000Z';

/** Every display phone and email is also an identity (already normalized: E.164, the email as written). */
function identitiesOf(phones: DemoPhone[], emails: string[]): Identity[] {
  return [
    ...phones.map((phone): Identity => ({ kind: 'phone', value: phone.e164 })),
    ...emails.map((email): Identity => ({ kind: 'email', value: email })),
  ];
}

function fixture(
  id: string,
  firstName: string,
  lastName: string,
  phones: DemoPhone[],
  emails: string[],
  extra: Identity[] = [],
  fields: Partial<Contact> = {},
): Contact {
  return {
    id,
    firstName,
    lastName,
    phones: phones.map((phone) => phone.display),
    emails,
    identities: [...identitiesOf(phones, emails), ...extra],
    tags: [],
    notes: [],
    custom: {},
    blocked: false,
    unsubscribed: false,
    leadStage: 'Customer',
    createdAt: FIXED_DATE,
    updatedAt: FIXED_DATE,
    ...fields,
  };
}

const SHARED_HOME: DemoPhone = { e164: '+59899123456', display: '+598 99 123 456' };

/** The default region the demo's national-format ClientIDs are written for. */
export const DEMO_REGION = 'UY';

/**
 * Fixed contacts that every generated data set contains (first, in this order),
 * and an interaction that resolves to each the interesting way (with
 * `DEMO_REGION` as the default region).
 */
export const DEMO_FIXTURES = {
  /** Brazilian mobile stored WITHOUT the 9th digit; rings WITH it. */
  brazilLegacyMobile: {
    contact: fixture('demo-br-legacy', 'Ana Luíza', 'Magalhães', [{ e164: '+551187654321', display: '+55 11 8765-4321' }], ['ana.magalhaes@uol.com.br'], [], { custom: { plan: 'Pro', openTickets: 2 } }),
    ring: { channel: 'whatsapp', clientId: '+55 11 98765-4321', campaign: 'vendas-br' },
  },
  /** Two family members sharing the home phone: a ring gives two candidates. */
  familyParent: {
    contact: fixture('demo-family-1', 'Juan', 'Pérez', [SHARED_HOME], ['juan.perez@gmail.com'], [], { tags: ['vip'], custom: { customerNumber: 'UY-1001', plan: 'Empresa' } }),
    ring: { channel: 'phone', clientId: '099 123 456', campaign: 'support' },
  },
  familyChild: {
    contact: fixture('demo-family-2', 'Lucía', 'Pérez', [SHARED_HOME, { e164: '+59894000111', display: '+598 94 000 111' }], ['lucia.perez@gmail.com'], [], { leadStage: 'Prospect', custom: { budget: 1200, newsletter: true } }),
    ring: { channel: 'sms', clientId: '094 000 111', campaign: 'sales' },
  },
  /** Found by email, whatever the case and spaces. */
  knownEmail: {
    contact: fixture('demo-email', 'Emily', "O'Connor", [{ e164: '+14155550132', display: '+1 (415) 555-0132' }], ['emily.oconnor@example.com']),
    ring: { channel: 'email', clientId: '  Emily.OConnor@Example.com ', campaign: 'support' },
  },
  /** Found by Instagram handle, with or without the @. */
  instagram: {
    contact: fixture('demo-instagram', 'Sofía', 'Núñez', [], [], [{ kind: 'instagram', value: 'sofi.nunez' }], { tags: ['influencer'] }),
    ring: { channel: 'instagram', clientId: '@Sofi.Nunez', campaign: 'vendas-br' },
  },
  /** A unique Uruguayan mobile, rung in national format. */
  uruguayMobile: {
    contact: fixture('demo-uy', 'Martín', 'González', [{ e164: '+59899555123', display: '+598 99 555 123' }], ['martin.gonzalez@adinet.com.uy'], [], { custom: { customerNumber: 'UY-2002', budget: 500, product: 'Fibra 300' } }),
    ring: { channel: 'phone', clientId: '(099) 555-123', campaign: 'sales' },
  },
  /**
   * Argentine mobile stored without the mobile 9; rings in the 15 form
   * (written after the country code, so it resolves whatever the region).
   */
  argentinaMobile: {
    contact: fixture('demo-ar', 'Florencia', 'Ibáñez', [{ e164: '+541123456789', display: '+54 11 2345-6789' }], []),
    ring: { channel: 'phone', clientId: '+54 11 15 2345-6789', campaign: 'collections' },
  },
  /** Mexican mobile stored in today's form; rings with the old +52 1 prefix. */
  mexicoMobile: {
    contact: fixture('demo-mx', 'Andrés', 'Martínez', [{ e164: '+525512345678', display: '+52 55 1234 5678' }], ['andres.mtz@prodigy.net.mx']),
    ring: { channel: 'whatsapp', clientId: '+52 1 55 1234 5678', campaign: 'support' },
  },
} as const satisfies Record<string, { contact: Contact; ring: InteractionContext }>;

/** Interactions for the demo page, one per resolution case (known ones come from DEMO_FIXTURES). */
export const DEMO_INTERACTIONS = {
  knownContactId: { contactId: 'demo-uy', channel: 'phone', campaign: 'sales' },
  uniquePhoneOtherFormat: DEMO_FIXTURES.uruguayMobile.ring,
  sharedPhone: DEMO_FIXTURES.familyParent.ring,
  brazilNinthDigit: DEMO_FIXTURES.brazilLegacyMobile.ring,
  argentinaMobileNine: DEMO_FIXTURES.argentinaMobile.ring,
  mexicoOldPrefix: DEMO_FIXTURES.mexicoMobile.ring,
  knownEmail: DEMO_FIXTURES.knownEmail.ring,
  instagram: DEMO_FIXTURES.instagram.ring,
  /** Never generated: UY mobiles starting with 98 are reserved. */
  unknownWhatsApp: { channel: 'whatsapp', clientId: '+598 98 765 432', campaign: 'sales' },
  unknownEmail: { channel: 'email', clientId: 'nuevo.cliente@example.org', campaign: 'support' },
  anonymousWebchat: { channel: 'webchat', clientId: 'visitor-7f3a9c', campaign: 'support' },
  invalidNumber: { channel: 'phone', clientId: '12-34', campaign: 'sales' },
} as const satisfies Record<string, InteractionContext>;

// ---- generation ---------------------------------------------------------------

const TAGS = ['vip', 'newsletter', 'b2b', 'moroso', 'churn-risk', 'referral', 'premium', 'recontactar'] as const;
/**
 * How often each defined stage is drawn, out of 6. Only the stages of the
 * contact definition: the demo once drew a sixth `Churned` stage nothing else
 * knew (no label, no filter choice, no translation). Churn is what the
 * `churn-risk` tag says; the stage of such a contact stays `Customer`, so every
 * other contact keeps the stage it had (same draw, same index).
 */
const STAGE_WEIGHTS: Record<KnownLeadStage, number> = { Lead: 1, Prospect: 1, Customer: 4 };
// From the typed record, not LEAD_STAGES: a value import would make esbuild load the definition's chunk up front
// on pages that lazy-load both this and the filters. The record's type admits exactly the defined stages.
const STAGES = (Object.keys(STAGE_WEIGHTS) as KnownLeadStage[]).flatMap((stage) => Array<KnownLeadStage>(STAGE_WEIGHTS[stage]).fill(stage));
const OWNERS = ['agent.ana', 'agent.bruno', 'agent.carla', 'agent.diego'] as const;
const NOTES = [
  'Prefers to be called in the afternoon.',
  'Asked about the fiber upgrade.',
  'Llamar después de las 18 h.',
  'Cliente pidió factura electrónica.',
  'Prefere contato por WhatsApp.',
] as const;
const ISSUES = ['No internet', 'Slow connection', 'Billing question', 'Router replacement', 'Cambio de plan'] as const;

const BASE_TIME = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

function isoDate(time: number): string {
  return new Date(time).toISOString();
}

/** Midnight UTC of a random day among the `days` after BASE_TIME. */
function dayAfterBase(random: Random, days: number): number {
  return BASE_TIME + Math.floor(random() * days) * DAY;
}

function customFields(random: Random, index: number, country: Country): Record<string, unknown> {
  const custom: Record<string, unknown> = {};
  if (chance(random, 0.6)) custom['customerNumber'] = `${country}-${10000 + index}`;
  if (chance(random, 0.5)) custom['preferredLanguage'] = pick(random, LANGUAGE_OPTIONS);
  if (chance(random, 0.3)) custom['birthDate'] = isoDate(Date.UTC(1950, 0, 1) + Math.floor(random() * 18_000) * DAY).slice(0, 10);
  if (chance(random, 0.4)) {
    custom['budget'] = 100 * Math.floor(random() * 50 + 1);
    custom['product'] = pick(random, PRODUCT_OPTIONS);
    custom['newsletter'] = chance(random, 0.5);
  }
  if (chance(random, 0.15)) custom['nextFollowUp'] = isoDate(dayAfterBase(random, 900)).slice(0, 16);
  if (chance(random, 0.4)) {
    custom['plan'] = pick(random, PLAN_OPTIONS);
    custom['openTickets'] = Math.floor(random() * 4);
    if (chance(random, 0.5)) custom['lastIssue'] = pick(random, ISSUES);
    if (chance(random, 0.3)) custom['warrantyUntil'] = isoDate(dayAfterBase(random, 1500)).slice(0, 10);
  }
  return custom;
}

/** Contacts, campaigns and sections; deterministic for a given seed. */
export function generateDemoData(options: DemoDataOptions = {}): DemoData {
  const count = Math.max(0, Math.floor(options.count ?? 2000));
  const random = mulberry32(options.seed ?? 1);
  const fixtures = Object.values(DEMO_FIXTURES).map((entry) => structuredClone(entry.contact) as Contact);
  const contacts: Contact[] = fixtures.slice(0, count);
  // Reserved numbers (fixtures) are never generated again, so fixtures stay unique.
  const reserved = new Set(fixtures.flatMap((contact) => contact.identities.map((identity) => identity.value)));
  const usedEmails = new Set(fixtures.flatMap((contact) => contact.emails));
  let household: { lastName: string; phone: DemoPhone; country: (typeof COUNTRIES)[number] } | undefined;

  for (let index = contacts.length; index < count; index++) {
    // ~6% of contacts are family of the previous one: same surname, same home phone.
    const family = household && chance(random, 0.06) ? household : undefined;
    const place = family?.country ?? pickCountry(random);
    const firstName = pick(random, FIRST_NAMES[place.language]);
    const lastName = family?.lastName ?? pick(random, LAST_NAMES[place.language]);

    const phones: DemoPhone[] = family ? [family.phone] : [];
    const phoneCount = family ? (chance(random, 0.5) ? 1 : 0) : chance(random, 0.9) ? (chance(random, 0.25) ? 2 : 1) : 0;
    for (let n = 0; n < phoneCount; n++) {
      let phone = PHONES[place.country](random);
      while (reserved.has(phone.e164)) phone = PHONES[place.country](random);
      phones.push(phone);
    }
    if (phones[0]) household = { lastName, phone: phones[0], country: place };

    const emails: string[] = [];
    if (chance(random, 0.7)) {
      let email = `${slug(firstName)}.${slug(lastName)}@${pick(random, place.domains)}`;
      if (usedEmails.has(email)) email = email.replace('@', `${index}@`);
      usedEmails.add(email);
      emails.push(email);
    }

    const identities = identitiesOf(phones, emails);
    if (chance(random, 0.2)) identities.push({ kind: 'instagram', value: `${slug(firstName)}_${slug(lastName)}${index}` });
    if (chance(random, 0.1)) identities.push({ kind: 'messenger', value: `${2_000_000_000 + index}${digits(random, 6)}` });
    if (chance(random, 0.1)) identities.push({ kind: 'telegram', value: `@${slug(firstName)}${index}` });
    if (chance(random, 0.05)) identities.push({ kind: 'webchat', value: `wc-${index.toString(36)}${digits(random, 4)}` });

    const tags = TAGS.filter(() => chance(random, 0.12));
    const notes: Note[] = chance(random, 0.2)
      ? [{ id: `note-${index}`, text: pick(random, NOTES), author: pick(random, OWNERS), createdAt: isoDate(dayAfterBase(random, 700)) }]
      : [];
    const created = dayAfterBase(random, 700) + Math.floor(random() * DAY);
    contacts.push({
      id: `demo-${index.toString(36).padStart(5, '0')}`,
      firstName,
      lastName,
      phones: phones.map((phone) => phone.display),
      emails,
      identities,
      tags,
      notes,
      custom: customFields(random, index, place.country),
      blocked: chance(random, 0.01),
      unsubscribed: chance(random, 0.03),
      leadStage: pick(random, STAGES),
      owner: pick(random, OWNERS),
      createdAt: isoDate(created),
      updatedAt: isoDate(created + Math.floor(random() * 200) * DAY),
    });
  }

  return { contacts, campaigns: structuredClone([...DEMO_CAMPAIGNS]), sections: structuredClone([...DEMO_SECTIONS]) };
}
