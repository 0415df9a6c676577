import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  formatWallTime,
  isValidTimeZone,
  minimumLocalDateTime,
  offsetAt,
  parseLocalDateTime,
  timeZoneDisplayName,
  validateReschedule,
  wallTimeAt,
  zonedToInstant,
} from '../../src/core/disposition/reschedule.js';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('core/reschedule', () => {
  const now = at('2030-01-01T12:00:00Z');

  it('computes the instant in the agent’s zone: São Paulo is UTC−3', () => {
    const check = validateReschedule('2030-05-10T14:30', 'America/Sao_Paulo', now);
    expect(check).to.deep.equal({ ok: true, instant: at('2030-05-10T17:30:00Z'), iso: '2030-05-10T17:30:00.000Z', ambiguous: false });
  });

  it('gives the same wall time different instants in different zones', () => {
    const tokyo = validateReschedule('2030-06-01T09:00', 'Asia/Tokyo', now);
    const newYork = validateReschedule('2030-06-01T09:00', 'America/New_York', now);
    expect(tokyo.ok && tokyo.iso).to.equal('2030-06-01T00:00:00.000Z');
    expect(newYork.ok && newYork.iso).to.equal('2030-06-01T13:00:00.000Z');
  });

  it('rejects past times, judged in the zone (10:00 in New York is still ahead at 12:00 UTC)', () => {
    expect(validateReschedule('2030-01-01T10:00', 'America/New_York', now).ok).to.equal(true);
    expect(validateReschedule('2030-01-01T10:00', 'UTC', now)).to.deep.equal({ ok: false, problem: 'past' });
    expect(validateReschedule('2030-01-01T12:00', 'UTC', now)).to.deep.equal({ ok: false, problem: 'past' });
    expect(validateReschedule('2030-01-01T12:01', 'UTC', now).ok).to.equal(true);
  });

  it('refuses a time inside New York’s spring-forward gap and accepts both sides of it', () => {
    const before = now - 400 * 24 * HOUR;
    expect(validateReschedule('2030-03-10T02:30', 'America/New_York', before)).to.deep.equal({
      ok: false,
      problem: 'nonexistent',
    });
    const justBefore = validateReschedule('2030-03-10T01:59', 'America/New_York', before);
    const justAfter = validateReschedule('2030-03-10T03:00', 'America/New_York', before);
    expect(justBefore.ok && justBefore.iso).to.equal('2030-03-10T06:59:00.000Z'); // EST, UTC−5
    expect(justAfter.ok && justAfter.iso).to.equal('2030-03-10T07:00:00.000Z'); // EDT, UTC−4
  });

  it('takes the earlier of the two 01:30s when New York falls back, and says so', () => {
    const check = validateReschedule('2030-11-03T01:30', 'America/New_York', now - 400 * 24 * HOUR);
    expect(check).to.deep.equal({ ok: true, instant: at('2030-11-03T05:30:00Z'), iso: '2030-11-03T05:30:00.000Z', ambiguous: true });
    expect(zonedToInstant(parseLocalDateTime('2030-11-03T01:30')!, 'America/New_York')).to.deep.equal({
      kind: 'ambiguous',
      instant: at('2030-11-03T05:30:00Z'),
      later: at('2030-11-03T06:30:00Z'),
    });
  });

  it('knows São Paulo’s historical DST (midnight gap of 4 Nov 2018, overlap of 16 Feb 2019)', () => {
    const then = at('2018-01-01T00:00:00Z');
    expect(validateReschedule('2018-11-04T00:30', 'America/Sao_Paulo', then)).to.deep.equal({ ok: false, problem: 'nonexistent' });
    const overlap = validateReschedule('2019-02-16T23:30', 'America/Sao_Paulo', then);
    expect(overlap.ok && overlap.ambiguous).to.equal(true);
    expect(overlap.ok && overlap.iso).to.equal('2019-02-17T01:30:00.000Z'); // the earlier, still UTC−2
    // During the second pass of the repeated hour, the same wall time means the pass still ahead.
    const duringSecondPass = validateReschedule('2019-02-16T23:30', 'America/Sao_Paulo', at('2019-02-17T02:10:00Z'));
    expect(duringSecondPass.ok && duringSecondPass.iso).to.equal('2019-02-17T02:30:00.000Z');
    expect(offsetAt(at('2019-01-15T12:00:00Z'), 'America/Sao_Paulo')).to.equal(-2 * HOUR);
    expect(offsetAt(at('2030-01-15T12:00:00Z'), 'America/Sao_Paulo')).to.equal(-3 * HOUR);
  });

  it('refuses empty, malformed and impossible dates and unknown zones', () => {
    expect(validateReschedule('', 'UTC', now)).to.deep.equal({ ok: false, problem: 'empty' });
    expect(validateReschedule('tomorrow', 'UTC', now)).to.deep.equal({ ok: false, problem: 'malformed' });
    expect(validateReschedule('2031-02-30T10:00', 'UTC', now)).to.deep.equal({ ok: false, problem: 'malformed' });
    expect(validateReschedule('2031-01-01T24:00', 'UTC', now)).to.deep.equal({ ok: false, problem: 'malformed' });
    expect(validateReschedule('2031-01-01T10:00', 'Mars/Olympus', now)).to.deep.equal({ ok: false, problem: 'time-zone' });
    expect(isValidTimeZone('America/Sao_Paulo')).to.equal(true);
    expect(isValidTimeZone('')).to.equal(false);
    expect(parseLocalDateTime('2031-01-01T10:00:30')?.second).to.equal(30);
  });

  it('gives the picker a minimum of the next minute on the zone’s clock', () => {
    expect(minimumLocalDateTime('America/Sao_Paulo', at('2030-01-01T12:00:30Z'))).to.equal('2030-01-01T09:01');
    expect(minimumLocalDateTime('Asia/Kolkata', at('2030-01-01T23:59:00Z'))).to.equal('2030-01-02T05:30');
  });

  it('names the zone for people, falling back to the id', () => {
    expect(timeZoneDisplayName('America/Sao_Paulo', 'en', now)).to.match(/Brasilia/);
    expect(timeZoneDisplayName('America/New_York', 'es', at('2030-07-01T00:00:00Z'))).to.match(/oriental/i);
    expect(timeZoneDisplayName('Mars/Olympus', 'en', now)).to.equal('Mars/Olympus');
  });

  it('round-trips every minute of every zone back to the same instant (property)', () => {
    const zones = ['America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: at('1990-01-01T00:00:00Z') / 60000, max: at('2040-01-01T00:00:00Z') / 60000 }),
        (zone, minute) => {
          const instant = minute * 60000;
          const local = formatWallTime(wallTimeAt(instant, zone));
          const back = zonedToInstant(parseLocalDateTime(local)!, zone);
          expect(back.kind).to.not.equal('nonexistent');
          if (back.kind === 'unique') expect(back.instant).to.equal(instant);
          if (back.kind === 'ambiguous') expect([back.instant, back.later]).to.include(instant);
          const check = validateReschedule(local, zone, instant - 60000);
          expect(check.ok).to.equal(true);
        },
      ),
      { numRuns: 500, examples: [['America/New_York', 14630760]] } // 1997-10-26 01:26 EST, the second pass of a repeated hour,
    );
  });
});
