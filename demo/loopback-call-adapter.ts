/**
 * A working `CallAdapter` without a PBX (docs/call-adapter.md): two
 * `RTCPeerConnection`s in one page, the "agent" sending a tone (a stand-in
 * for the microphone, so no permission prompt) to the "customer". Mute,
 * hold, DTMF and hang-up act on the real media; the signal level comes from
 * the agent side's `getStats()` through the library's signal-quality
 * function (an estimated MOS with hysteresis), exactly as a sip.js or JsSIP
 * softphone adapter would do with its session's peer connection.
 *
 * Usage:
 *   const adapter = await createLoopbackCallAdapter();
 *   const interactions = createSimulatedInteractionSource({ ..., callAdapter: adapter });
 */
import {
  INITIAL_SIGNAL,
  sampleFromStats,
  stepSignal,
  type CallAdapter,
  type RtcStatLike,
  type SignalLevel,
  type SignalState,
  type StatsCounters,
} from '../src/api.js';

export interface LoopbackCallAdapter extends CallAdapter {
  /** The two peers, for inspection (tests, a network panel in the demo). */
  readonly agent: RTCPeerConnection;
  readonly customer: RTCPeerConnection;
  /** Every DTMF tone the customer side would hear, in order. */
  readonly tones: string[];
  /** Whether the agent's audio currently reaches the customer. */
  readonly sending: boolean;
  /** Reads the statistics once now (the adapter also does so every `statsEveryMs`). */
  sampleNow(): Promise<void>;
  /** The signal-quality state so far (its averaged MOS once a report had audio). */
  readonly signal: SignalState;
}

export interface LoopbackOptions {
  /** How often `getStats()` is read while someone listens to the signal (1 s by default). */
  statsEveryMs?: number;
}

export async function createLoopbackCallAdapter(options: LoopbackOptions = {}): Promise<LoopbackCallAdapter> {
  const audio = new AudioContext();
  // Without a user gesture first, browsers start the context suspended and no audio flows (create the adapter from a click).
  if (audio.state === 'suspended') await Promise.race([audio.resume(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  const tone = audio.createOscillator();
  const microphone = audio.createMediaStreamDestination();
  tone.connect(microphone);
  tone.start();
  const track = microphone.stream.getAudioTracks()[0]!;

  // The customer talks back (a lower tone): the agent side then has inbound audio to measure, as a softphone does.
  const voice = audio.createOscillator();
  voice.frequency.value = 220;
  const customerLine = audio.createMediaStreamDestination();
  voice.connect(customerLine);
  voice.start();

  const agent = new RTCPeerConnection();
  const customer = new RTCPeerConnection();
  agent.onicecandidate = (e) => void (e.candidate && customer.addIceCandidate(e.candidate));
  customer.onicecandidate = (e) => void (e.candidate && agent.addIceCandidate(e.candidate));
  const sender = agent.addTrack(track, microphone.stream);
  await agent.setLocalDescription(await agent.createOffer());
  await customer.setRemoteDescription(agent.localDescription!);
  customer.addTrack(customerLine.stream.getAudioTracks()[0]!, customerLine.stream);
  await customer.setLocalDescription(await customer.createAnswer());
  await agent.setRemoteDescription(customer.localDescription!);

  const tones: string[] = [];
  sender.dtmf?.addEventListener('tonechange', (event) => {
    const played = (event as RTCDTMFToneChangeEvent).tone;
    if (played) tones.push(played);
  });

  let muted = false;
  let held = false;
  const listeners = new Set<(level: SignalLevel) => void>();
  let signal: SignalState = INITIAL_SIGNAL;
  let counters: StatsCounters | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function sampleNow(): Promise<void> {
    if (agent.connectionState === 'closed') return;
    const report = await agent.getStats();
    const read = sampleFromStats(report.values() as Iterable<RtcStatLike>, Date.now(), counters);
    if (!read) return;
    counters = read.counters ?? counters;
    const before = signal.level;
    signal = stepSignal(signal, read.sample);
    if (signal.level !== before) for (const listener of [...listeners]) listener(signal.level);
  }

  // Mute and hold both stop the agent's audio; either one keeps it stopped.
  const apply = () => {
    track.enabled = !muted && !held;
  };

  return {
    agent,
    customer,
    tones,
    get sending() {
      return track.enabled && agent.connectionState !== 'closed';
    },
    sampleNow,
    get signal() {
      return signal;
    },
    mute(on) {
      muted = on;
      apply();
    },
    hold(on) {
      // A SIP softphone sends a re-INVITE (a=sendonly) and the PBX plays music; here the agent's audio just stops.
      held = on;
      apply();
    },
    dtmf(digits) {
      if (!sender.dtmf?.canInsertDTMF) throw new Error('The call cannot send keypad tones yet.');
      sender.dtmf.insertDTMF(digits, 100, 70);
    },
    hangup() {
      clearInterval(timer);
      timer = undefined;
      tone.stop();
      voice.stop();
      track.stop();
      agent.close();
      customer.close();
      void audio.close();
    },
    onSignal(listener) {
      listeners.add(listener);
      timer ??= setInterval(() => void sampleNow(), options.statsEveryMs ?? 1000);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
