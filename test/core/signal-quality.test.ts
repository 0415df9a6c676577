import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  estimateMos,
  foldSignal,
  INITIAL_SIGNAL,
  levelOfMos,
  mosFromR,
  rFactor,
  sampleFromStats,
  SIGNAL_HOLD_MS,
  stepSignal,
  type SignalSample,
  type SignalState,
} from '../../src/core/interactions/signal-quality.js';

const reading = fc.record({
  roundTripTimeMs: fc.double({ min: 0, max: 2000, noNaN: true }),
  jitterMs: fc.double({ min: 0, max: 300, noNaN: true }),
  packetLoss: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Samples one to three seconds apart (as a softphone polls getStats), from a random line. */
const timedSamples = fc
  .array(fc.tuple(fc.integer({ min: 200, max: 3000 }), reading), { minLength: 1, maxLength: 60 })
  .map((steps) => {
    let at = Date.parse('2030-01-01T00:00:00Z');
    return steps.map(([gap, r]) => ({ ...r, at: (at += gap) }) as SignalSample);
  });

const GOOD = { roundTripTimeMs: 40, jitterMs: 3, packetLoss: 0 };
const POOR = { roundTripTimeMs: 800, jitterMs: 120, packetLoss: 0.2 };

function levels(samples: SignalSample[]): { at: number; level: string }[] {
  const out: { at: number; level: string }[] = [];
  let state: SignalState = INITIAL_SIGNAL;
  for (const sample of samples) {
    state = stepSignal(state, sample);
    out.push({ at: sample.at, level: state.level });
  }
  return out;
}

describe('core/signal-quality', () => {
  it('estimates a MOS between 1 and 4.5; a clean line is good, a bad one poor', () => {
    expect(estimateMos(GOOD)).to.be.within(4.3, 4.41);
    expect(levelOfMos(estimateMos(GOOD))).to.equal('good');
    expect(levelOfMos(estimateMos(POOR))).to.equal('poor');
    expect(levelOfMos(estimateMos({ roundTripTimeMs: 300, jitterMs: 30, packetLoss: 0.06 }))).to.equal('fair');
    fc.assert(
      fc.property(reading, (r) => {
        const mos = estimateMos(r);
        return mos >= 1 && mos <= 4.5;
      }),
    );
    expect(mosFromR(-5)).to.equal(1);
    expect(mosFromR(120)).to.equal(4.5);
    // Garbage from a softphone is read as "no impairment", never NaN.
    expect(Number.isFinite(rFactor({ roundTripTimeMs: NaN, jitterMs: Infinity, packetLoss: -1 }))).to.equal(true);
  });

  it('reads levels as shown to one decimal: good from 3.7, fair 3.1 to 3.6, poor 3.0 and below', () => {
    expect([3.7, 3.65, 3.64, 3.6, 3.1, 3.05, 3.04, 3.0, 1].map(levelOfMos)).to.deep.equal([
      'good',
      'good',
      'fair',
      'fair',
      'fair',
      'fair',
      'poor',
      'poor',
      'poor',
    ]);
  });

  it('gets worse (never better) with more delay, jitter or loss', () => {
    fc.assert(
      fc.property(reading, reading, (a, b) => {
        const worse = {
          roundTripTimeMs: Math.max(a.roundTripTimeMs, b.roundTripTimeMs),
          jitterMs: Math.max(a.jitterMs, b.jitterMs),
          packetLoss: Math.max(a.packetLoss, b.packetLoss),
        };
        return estimateMos(worse) <= estimateMos(a) + 1e-9;
      }),
      // Found by a random seed in CI: near 100 % loss the R→MOS cubic dipped under 1.
      { examples: [[{ roundTripTimeMs: 0, jitterMs: 107.86732772972553, packetLoss: 0.9999999999999974 }, { roundTripTimeMs: 97.24339652708154, jitterMs: 0, packetLoss: 0 }]] },
    );
  });

  it('does not flicker: the shown level changes at most once per hold period', () => {
    fc.assert(
      fc.property(timedSamples, (samples) => {
        const shown = levels(samples);
        let lastChange = -Infinity;
        let previous = INITIAL_SIGNAL.level as string;
        for (const { at, level } of shown) {
          if (level !== previous) {
            if (at - lastChange < SIGNAL_HOLD_MS) return false;
            lastChange = at;
            previous = level;
          }
        }
        return true;
      }),
    );
  });

  it('settles on the line’s level once it has held steady for the window and the hold', () => {
    fc.assert(
      fc.property(timedSamples, reading, (before, steady) => {
        const last = before[before.length - 1]!.at;
        const after = Array.from({ length: 10 }, (_, i) => ({ ...steady, at: last + (i + 1) * 1000 }));
        const state = foldSignal([...before, ...after]);
        return state.level === levelOfMos(estimateMos(steady));
      }),
    );
  });

  it('is pure: the same samples give the same answer; older samples are ignored', () => {
    fc.assert(
      fc.property(timedSamples, (samples) => {
        expect(foldSignal(samples)).to.deep.equal(foldSignal(samples));
        const state = foldSignal(samples);
        const stale = { ...POOR, at: samples[0]!.at - 1 };
        return samples.length < 2 || stepSignal(state, stale) === state;
      }),
    );
  });

  it('a brief glitch does not turn the icon red; a lasting one does after the hold', () => {
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    const good = Array.from({ length: 6 }, (_, i) => ({ ...GOOD, at: t0 + i * 1000 }));
    const glitch = { ...POOR, at: t0 + 6000 };
    const recovered = Array.from({ length: 6 }, (_, i) => ({ ...GOOD, at: t0 + 7000 + i * 1000 }));
    expect(levels([...good, glitch, ...recovered]).map((l) => l.level)).to.not.include('poor');
    const lasting = Array.from({ length: 12 }, (_, i) => ({ ...POOR, at: t0 + 6000 + i * 1000 }));
    const shown = levels([...good, ...lasting]);
    expect(shown[shown.length - 1]!.level).to.equal('poor');
    // Not at the first bad sample: the hold keeps the previous level a few seconds.
    expect(shown[7]!.level).to.equal('good');
  });

  it('turns a getStats() report into a sample (seconds → ms, cumulative loss → since last)', () => {
    const first = sampleFromStats(
      [
        { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.12, jitter: 0.004, fractionLost: 0.01 },
        { type: 'inbound-rtp', kind: 'audio', jitter: 0.006, packetsLost: 10, packetsReceived: 990 },
        { type: 'inbound-rtp', kind: 'video', jitter: 0.5 },
        { type: 'candidate-pair' },
      ],
      1000,
    )!;
    expect(first.sample.roundTripTimeMs).to.be.closeTo(120, 1e-9);
    expect(first.sample.jitterMs).to.be.closeTo(6, 1e-9);
    expect(first.sample.packetLoss).to.be.closeTo(0.01, 1e-9);
    const second = sampleFromStats([{ type: 'inbound-rtp', kind: 'audio', jitter: 0.002, packetsLost: 60, packetsReceived: 1940 }], 2000, first.counters)!;
    // 50 lost of 1000 since the first report.
    expect(second.sample.packetLoss).to.be.closeTo(50 / 1000, 1e-9);
    expect(sampleFromStats([{ type: 'candidate-pair' }], 3000)).to.equal(undefined);
  });
});
