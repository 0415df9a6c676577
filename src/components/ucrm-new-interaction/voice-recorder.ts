import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * `idle` nothing recorded; `recording`; `recorded` a note is ready;
 * `denied` the browser or the agent refused the microphone;
 * `unavailable` no microphone or no MediaRecorder.
 */
export type VoiceState = 'idle' | 'requesting' | 'recording' | 'recorded' | 'denied' | 'unavailable';

/** Records one voice note with MediaRecorder; the host renders its state. */
export class VoiceRecorderController implements ReactiveController {
  state: VoiceState = 'idle';
  /** The recorded note, once `recorded`. */
  note?: Blob;
  /** An object URL of the note, for an `<audio>` preview. */
  url?: string;

  private recorder?: MediaRecorder;
  private stream?: MediaStream;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  async record(): Promise<void> {
    if (this.state === 'recording' || this.state === 'requesting') return;
    this.discard();
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') return this.set('unavailable');
    this.set('requesting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const name = (error as DOMException | undefined)?.name;
      return this.set(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
    }
    if ((this.state as VoiceState) !== 'requesting') {
      // Discarded (or the host went away) while the browser was asking.
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    this.stream = stream;
    const chunks: Blob[] = [];
    const recorder = new MediaRecorder(stream);
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size) chunks.push(event.data);
    });
    recorder.addEventListener('stop', () => {
      this.releaseStream();
      if (this.recorder !== recorder) return; // discarded while stopping
      this.recorder = undefined;
      this.note = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
      this.url = URL.createObjectURL(this.note);
      this.set('recorded');
    });
    this.recorder = recorder;
    recorder.start();
    this.set('recording');
  }

  /** Stops recording; the note becomes available when the recorder has flushed. */
  stop(): void {
    if (this.recorder?.state === 'recording') this.recorder.stop();
  }

  discard(): void {
    const recorder = this.recorder;
    this.recorder = undefined;
    if (recorder?.state === 'recording') recorder.stop();
    this.releaseStream();
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
    this.note = undefined;
    this.set('idle');
  }

  hostDisconnected(): void {
    this.discard();
  }

  private releaseStream(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
  }

  private set(state: VoiceState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
