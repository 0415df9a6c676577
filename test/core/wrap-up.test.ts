import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatCountdown, formatDuration, nextTickDelay, parseDeadline, secondsLeft } from '../../src/core/disposition/wrap-up.js';

describe('core/wrap-up', () => {
  it('reads a deadline as epoch ms or a zoned ISO date-time, nothing else', () => {
    expect(parseDeadline(1_900_000_000_000)).to.equal(1_900_000_000_000);
    expect(parseDeadline('1900000000000')).to.equal(1_900_000_000_000);
    expect(parseDeadline('2030-01-01T00:01:00Z')).to.equal(Date.UTC(2030, 0, 1, 0, 1));
    expect(parseDeadline('2030-01-01T00:01:00-03:00')).to.equal(Date.UTC(2030, 0, 1, 3, 1));
    // Without a zone the instant would depend on the browser: refused.
    expect(parseDeadline('2030-01-01T00:01:00')).to.equal(undefined);
    expect(parseDeadline('tomorrow')).to.equal(undefined);
    expect(parseDeadline('')).to.equal(undefined);
    expect(parseDeadline(Number.NaN)).to.equal(undefined);
  });

  it('rounds the seconds left up and never below zero', () => {
    expect(secondsLeft(10_000, 0)).to.equal(10);
    expect(secondsLeft(10_000, 1)).to.equal(10);
    expect(secondsLeft(10_000, 9_001)).to.equal(1);
    expect(secondsLeft(10_000, 10_000)).to.equal(0);
    expect(secondsLeft(10_000, 20_000)).to.equal(0);
  });

  it('schedules the next tick on the next change of the displayed second (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (deadline, now) => {
        const delay = nextTickDelay(deadline, now);
        if (now >= deadline) {
          expect(delay).to.equal(0);
          return;
        }
        expect(delay).to.be.within(1, 1000);
        expect(secondsLeft(deadline, now + delay)).to.equal(secondsLeft(deadline, now) - 1);
        expect(secondsLeft(deadline, now + delay - 1)).to.equal(secondsLeft(deadline, now));
      }),
    );
  });

  it('formats mm:ss, and h:mm:ss from an hour up', () => {
    expect(formatCountdown(0)).to.equal('00:00');
    expect(formatCountdown(59)).to.equal('00:59');
    expect(formatCountdown(90)).to.equal('01:30');
    expect(formatCountdown(3599)).to.equal('59:59');
    expect(formatCountdown(3600)).to.equal('1:00:00');
  });

  it('says a duration in words for screen readers', () => {
    expect(formatDuration(90, 'en')).to.equal('1 minute, 30 seconds');
    expect(formatDuration(60, 'en')).to.equal('1 minute');
    expect(formatDuration(0, 'en')).to.equal('0 seconds');
    expect(formatDuration(3605, 'pt')).to.equal('1 hora e 5 segundos');
  });
});
