#!/usr/bin/env node
/**
 * Seeds the PostgreSQL of DATABASE_URL (empty) for the bench, once:
 * `node bench/server/seed.mjs --million` (1,000,000 contacts; else 20,000).
 * Then `npm run bench:server -- --only-postgres --seeded` reruns the timed
 * phases on it (bench/server/pg-cluster.sh keeps the cluster between runs).
 */
import process from 'node:process';
import { seedPostgres } from './seed-postgres.mjs';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: the PostgreSQL to seed (bench/server/pg-cluster.sh start DIR)');
const count = process.argv.includes('--million') ? 1_000_000 : 20_000;
await seedPostgres(process.env.DATABASE_URL, count, (line) => console.log(`${new Date().toISOString()} ${line}`));
