/**
 * Seeds `count` synthetic contacts into the (empty) PostgreSQL of `databaseUrl`
 * for the bench: one `INSERT … SELECT … FROM generate_series` statement makes
 * the contacts in a staging table; they then go through the server's own
 * write path (`ContactStore.writeContacts`, 10,000 per statement) so the
 * directory columns and identity forms are exactly what a write makes; the
 * directory's indexes and name words are built once at the end (faster than
 * maintained row by row), then ANALYZE.
 */
import { importTs } from '../../scripts/run-ts.mjs';

const FIRST = ['María', 'José', 'Ana', 'João', 'Lucía', 'Martín', 'Sofía', 'Pedro', 'Camila', 'Luis', 'Emily', 'David', 'Olivia', 'James', 'Valentina', 'Thiago', 'Mariana', 'Andrés', 'Inés', 'Noah', 'Fábio', 'Júlia', 'Raúl', 'Carmen'];
const LAST = ['González', 'Pérez', 'Rodríguez', 'Fernández', 'Silva', 'Souza', 'Santos', 'Oliveira', 'Smith', 'Johnson', 'Martínez', 'Gómez', 'Díaz', 'Sánchez', 'Álvarez', 'Magalhães', 'Araújo', 'Lopes', 'Brown', 'Taylor', 'Núñez', 'Castro', 'Romero', 'Torres', 'Ruiz', 'Vargas', 'Rojas', 'Moreno', 'Herrera', 'Medina'];
const DOMAINS = ['gmail.com', 'hotmail.com', 'yahoo.com', 'outlook.com', 'uol.com.br', 'empresa.com'];
const TAGS = ['vip', 'b2b', 'churn-risk', 'newsletter', 'referral', 'premium', 'moroso', 'recontactar'];
const OWNERS = ['agent.ana', 'agent.bruno', 'agent.carla', 'agent.diego'];
const STAGES = ['Lead', 'Prospect', 'Customer'];
const PLANS = ['Basic', 'Pro', 'Empresa'];

const DIRECTORY_INDEXES = ['contacts_name_key', 'contacts_match', 'contacts_words_trgm', 'contacts_cwords_trgm', 'contacts_emails_trgm', 'contacts_phones_trgm'];

/** The phone of synthetic contact `i` (as stored, E.164): the pops look these up. */
export const syntheticPhone = (i) => `+55119${String(i).padStart(8, '0')}`;

export async function seedPostgres(databaseUrl, count, log = console.log) {
  const { openDb } = await importTs('server/db.ts');
  const { ContactStore } = await importTs('server/store.ts');
  const { generateDemoData } = await importTs('src/data/demo-data.ts');
  const { SCHEMA } = await importTs('server/schema.ts');
  const demo = generateDemoData({ count: 1 });
  const db = await openDb({ databaseUrl });
  const store = await ContactStore.open(db, { seed: { sections: demo.sections, campaigns: demo.campaigns } });
  const started = Date.now();
  for (const index of DIRECTORY_INDEXES) await db.query(`DROP INDEX IF EXISTS ${index}`);
  // Name words too: filled in one statement by the schema at the end (it fills an empty table), not row by row.
  for (const event of ['insert', 'update', 'delete']) await db.query(`DROP TRIGGER IF EXISTS contacts_name_words_${event} ON contacts`);
  await db.query('TRUNCATE contact_name_words');
  await db.query('DROP TABLE IF EXISTS bench_seed');
  await db.query('CREATE UNLOGGED TABLE bench_seed (n int PRIMARY KEY, data jsonb NOT NULL)');
  await db.query(
    `INSERT INTO bench_seed (n, data)
     SELECT i, jsonb_build_object(
       'id', 'c' || lpad(i::text, 8, '0'),
       'firstName', f, 'lastName', l,
       'phones', jsonb_build_array(p), 'emails', jsonb_build_array(e),
       'identities', jsonb_build_array(jsonb_build_object('kind', 'phone', 'value', p), jsonb_build_object('kind', 'email', 'value', e)),
       'tags', CASE i % 3 WHEN 0 THEN jsonb_build_array(t1, t2) WHEN 1 THEN jsonb_build_array(t1) ELSE '[]'::jsonb END,
       'notes', '[]'::jsonb,
       'custom', jsonb_build_object('customerNumber', 'BR-' || i, 'budget', (i % 50 + 1) * 100, 'plan', ($7::text[])[1 + i % 3]),
       'blocked', i % 97 = 0, 'unsubscribed', i % 89 = 0,
       'leadStage', ($6::text[])[1 + i % 3], 'owner', ($5::text[])[1 + (i / 7) % 4],
       'createdAt', ts, 'updatedAt', ts)
     FROM (
       SELECT i, f, l, p, lower(translate(f || '.' || l, 'áéíóúãõçñÁÉÍÓÚÑ', 'aeiouaocnAEIOUN')) || i || '@' || ($3::text[])[1 + i % 6] AS e,
         ($4::text[])[1 + i % 8] AS t1, ($4::text[])[1 + (i / 8) % 8] AS t2,
         to_char(timestamp '2020-01-01' + (i % 2000) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ts
       FROM (
         SELECT i, ($1::text[])[1 + (i * 7) % cardinality($1::text[])] AS f, ($2::text[])[1 + (i * 13 + i / 97) % cardinality($2::text[])] AS l,
           '+55119' || lpad(i::text, 8, '0') AS p
         FROM generate_series(1, $8::int) AS i
       ) AS named
     ) AS g`,
    [FIRST, LAST, DOMAINS, TAGS, OWNERS, STAGES, PLANS, count],
  );
  log(`  generated ${count} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s (one INSERT … generate_series)`);
  const BATCH = 10_000;
  for (let from = 0; from < count; from += BATCH) {
    const rows = await db.query('SELECT data FROM bench_seed WHERE n > $1 AND n <= $2', [from, from + BATCH]);
    await store.writeContacts(db, rows.map((row) => row.data));
    if ((from / BATCH) % 20 === 19) log(`  written ${from + BATCH} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await db.query('DROP TABLE bench_seed');
  const indexing = Date.now();
  await db.transaction(async (tx) => {
    // GIN builds are several times faster with room to sort in memory.
    await tx.query("SET LOCAL maintenance_work_mem = '1GB'");
    for (const statement of SCHEMA) await tx.query(statement);
  });
  log(`  indexes built in ${((Date.now() - indexing) / 1000).toFixed(1)} s`);
  await db.query('VACUUM ANALYZE contacts');
  await db.query('VACUUM ANALYZE identity_forms');
  await db.query('VACUUM ANALYZE contact_name_words');
  const seconds = (Date.now() - started) / 1000;
  log(`  seeded ${count} contacts in ${seconds.toFixed(0)} s`);
  await db.close();
  return seconds;
}
