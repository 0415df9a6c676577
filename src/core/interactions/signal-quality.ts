/**
 * Signal quality of a call (seed 002: the icon green / orange / red) from the
 * statistics a WebRTC softphone reads with `RTCPeerConnection.getStats()`:
 * round-trip time, jitter and packet loss → an estimated MOS → a level.
 *
 * The estimate is a simplified ITU-T G.107 E-model, as VoIP monitors use it
 * (R. G. Cole and J. H. Rosenbluth, "Voice over IP performance monitoring",
 * ACM SIGCOMM CCR 31(2), 2001), for G.711 or Opus with packet-loss
 * concealment and random loss:
 *
 * - one-way delay `d = rtt / 2 + 2 · jitter + 10 ms` (the jitter buffer holds
 *   about two jitters; 10 ms of codec framing);
 * - delay impairment `Id = 0.024 · d + 0.11 · (d − 177.3) · H(d − 177.3)`
 *   (H: 1 above 177.3 ms, 0 below), Cole and Rosenbluth's fit of G.107's Idd;
 * - loss impairment `Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl + Bpl)` (G.107 with
 *   BurstR = 1) with G.113 Appendix I's values for G.711 with concealment:
 *   `Ie = 0`, `Bpl = 25.1`, `Ppl` the loss in percent;
 * - `R = 93.2 − Id − Ie,eff` (G.107's default R with no impairment, advantage
 *   factor 0), and G.107's mapping
 *   `MOS = 1 + 0.035 R + R (R − 60)(100 − R) · 7·10⁻⁶` (1 below R = 0, 4.5 above 100).
 *
 * Levels (issue 21) read the MOS as it is shown, to one decimal: **good** from
 * 3.7, **fair** 3.1 to 3.6, **poor** 3.0 and below.
 *
 * The level does not flicker: `stepSignal` folds timed samples, averages the
 * MOS over the last `windowMs`, and adopts a different level only once it has
 * held for `holdMs` (a few seconds). Pure: the same samples (with their
 * clock readings) give the same answer. No DOM: a softphone adapter turns
 * `getStats()` into samples with `sampleFromStats` (plain objects).
 */
import type { SignalLevel } from './model.js';

/** One reading of the line, at `at` (epoch ms on the caller's clock). */
export interface SignalSample {
  at: number;
  /** Round-trip time in milliseconds. */
  roundTripTimeMs: number;
  /** Interarrival jitter in milliseconds. */
  jitterMs: number;
  /** Fraction of packets lost since the previous sample, 0 to 1. */
  packetLoss: number;
}

export interface SignalOptions {
  /** The MOS is averaged over the samples of this many milliseconds (5 s by default). */
  windowMs?: number;
  /** A new level is adopted once it has held this long (3 s by default). */
  holdMs?: number;
}

export const SIGNAL_WINDOW_MS = 5000;
export const SIGNAL_HOLD_MS = 3000;

/** G.107 default transmission rating with no impairment (Ro − Is). */
const R_DEFAULT = 93.2;
/** G.113 Appendix I, G.711 with packet-loss concealment. */
const IE_CODEC = 0;
const BPL_CODEC = 25.1;
const CODEC_DELAY_MS = 10;

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);

/** The E-model's transmission rating R for a reading (see the module's comment). */
export function rFactor(sample: Pick<SignalSample, 'roundTripTimeMs' | 'jitterMs' | 'packetLoss'>): number {
  const rtt = Math.max(0, finiteOr(sample.roundTripTimeMs, 0));
  const jitter = Math.max(0, finiteOr(sample.jitterMs, 0));
  const lossPercent = Math.min(100, Math.max(0, finiteOr(sample.packetLoss, 0)) * 100);
  const delay = rtt / 2 + 2 * jitter + CODEC_DELAY_MS;
  const delayImpairment = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
  const lossImpairment = IE_CODEC + ((95 - IE_CODEC) * lossPercent) / (lossPercent + BPL_CODEC);
  return R_DEFAULT - delayImpairment - lossImpairment;
}

/** G.107's R → MOS mapping, 1 to 4.5. */
export function mosFromR(r: number): number {
  if (!(r > 0)) return 1;
  if (r >= 100) return 4.5;
  // The cubic dips just under 1 for R below ~6.5: floored, so a worse line never scores better.
  return Math.max(1, 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6);
}

/** The estimated MOS (1 to 4.5) of one reading. */
export function estimateMos(sample: Pick<SignalSample, 'roundTripTimeMs' | 'jitterMs' | 'packetLoss'>): number {
  return mosFromR(rFactor(sample));
}

/** The level of a MOS as shown, to one decimal: good ≥ 3.7, fair 3.1–3.6, poor ≤ 3.0. */
export function levelOfMos(mos: number): SignalLevel {
  const shown = Math.round(mos * 10);
  if (shown >= 37) return 'good';
  if (shown >= 31) return 'fair';
  return 'poor';
}

/** What `stepSignal` keeps between samples. */
export interface SignalState {
  /** The level shown. */
  level: SignalLevel;
  /** The MOS averaged over the window (undefined before the first sample). */
  mos?: number;
  /** A level the average points to that is not shown yet, and since when. */
  candidate?: { level: SignalLevel; since: number };
  /** The samples of the window, oldest first. */
  window: readonly SignalSample[];
}

/** A call starts good until its line says otherwise (as the simulator does). */
export const INITIAL_SIGNAL: SignalState = { level: 'good', window: [] };

/**
 * The state after `sample`. A sample older than the newest one is ignored
 * (statistics may arrive out of order); a new level replaces the shown one
 * only after the averaged MOS has pointed to it for `holdMs`.
 */
export function stepSignal(state: SignalState, sample: SignalSample, options: SignalOptions = {}): SignalState {
  const windowMs = options.windowMs ?? SIGNAL_WINDOW_MS;
  const holdMs = options.holdMs ?? SIGNAL_HOLD_MS;
  const newest = state.window[state.window.length - 1];
  if (!Number.isFinite(sample.at) || (newest && sample.at < newest.at)) return state;
  const window = [...state.window.filter((s) => s.at > sample.at - windowMs), sample];
  const mos = window.reduce((sum, s) => sum + estimateMos(s), 0) / window.length;
  const pointed = levelOfMos(mos);
  if (pointed === state.level) return { level: state.level, mos, window };
  const since = state.candidate?.level === pointed ? state.candidate.since : sample.at;
  if (sample.at - since >= holdMs) return { level: pointed, mos, window };
  return { level: state.level, mos, candidate: { level: pointed, since }, window };
}

/** The state after every sample in turn (a pure function of the samples and their clock readings). */
export function foldSignal(samples: Iterable<SignalSample>, options: SignalOptions = {}, from: SignalState = INITIAL_SIGNAL): SignalState {
  let state = from;
  for (const sample of samples) state = stepSignal(state, sample, options);
  return state;
}

/**
 * One entry of an `RTCStatsReport` as plain data (no DOM types in core):
 * the fields `sampleFromStats` reads from `remote-inbound-rtp` and
 * `inbound-rtp` audio entries. Times are in seconds, as WebRTC reports them.
 */
export interface RtcStatLike {
  type: string;
  kind?: string;
  roundTripTime?: number;
  jitter?: number;
  fractionLost?: number;
  packetsLost?: number;
  packetsReceived?: number;
}

/** Cumulative counters of the previous `getStats()`, to turn totals into a loss since then. */
export interface StatsCounters {
  packetsLost: number;
  packetsReceived: number;
}

/**
 * A sample from one `getStats()` report (`report.values()`): the round-trip
 * time and loss the far end reports about our audio (`remote-inbound-rtp`),
 * and the jitter and loss we see on theirs (`inbound-rtp`). Loss is the
 * larger of the two directions; counters turn cumulative totals into a loss
 * since the previous report. Undefined when the report has no audio yet.
 */
export function sampleFromStats(
  stats: Iterable<RtcStatLike>,
  at: number,
  previous?: StatsCounters,
): { sample: SignalSample; counters?: StatsCounters } | undefined {
  let rtt: number | undefined;
  let jitter: number | undefined;
  let remoteLoss: number | undefined;
  let counters: StatsCounters | undefined;
  for (const stat of stats) {
    if (stat.kind !== undefined && stat.kind !== 'audio') continue;
    if (stat.type === 'remote-inbound-rtp') {
      if (stat.roundTripTime !== undefined) rtt = stat.roundTripTime * 1000;
      if (stat.jitter !== undefined) jitter = Math.max(jitter ?? 0, stat.jitter * 1000);
      if (stat.fractionLost !== undefined) remoteLoss = stat.fractionLost;
    } else if (stat.type === 'inbound-rtp') {
      if (stat.jitter !== undefined) jitter = Math.max(jitter ?? 0, stat.jitter * 1000);
      if (stat.packetsLost !== undefined && stat.packetsReceived !== undefined) {
        counters = { packetsLost: stat.packetsLost, packetsReceived: stat.packetsReceived };
      }
    }
  }
  if (rtt === undefined && jitter === undefined && counters === undefined) return undefined;
  let localLoss = 0;
  if (counters) {
    const lost = counters.packetsLost - (previous?.packetsLost ?? 0);
    const received = counters.packetsReceived - (previous?.packetsReceived ?? 0);
    localLoss = lost > 0 && lost + received > 0 ? lost / (lost + received) : 0;
  }
  const sample: SignalSample = {
    at,
    roundTripTimeMs: rtt ?? 0,
    jitterMs: jitter ?? 0,
    packetLoss: Math.min(1, Math.max(localLoss, remoteLoss ?? 0)),
  };
  return counters ? { sample, counters } : { sample };
}
