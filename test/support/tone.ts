/**
 * Sound without a microphone: an oscillator through WebAudio, as a
 * MediaStream a MediaRecorder (or a stubbed getUserMedia) can use. Chromium
 * starts an AudioContext only after a user gesture, so a real (Playwright)
 * click on the page comes first.
 */
import { sendMouse } from '@web/test-runner-commands';

let context: AudioContext | undefined;

/** An audio context that runs (created after a trusted click). */
export async function runningAudio(): Promise<AudioContext> {
  if (context?.state === 'running') return context;
  const target = document.createElement('button');
  target.textContent = 'audio';
  Object.assign(target.style, { position: 'fixed', left: '0', top: '0', width: '20px', height: '20px' });
  document.body.append(target);
  const clicked = new Promise<void>((resolve) => target.addEventListener('click', () => resolve(), { once: true }));
  await sendMouse({ type: 'click', position: [5, 5] });
  await clicked;
  target.remove();
  context ??= new AudioContext();
  await context.resume();
  return context;
}

/** A live tone as a MediaStream; `stop()` ends it. */
export async function toneStream(): Promise<{ stream: MediaStream; stop: () => void }> {
  const audio = await runningAudio();
  const oscillator = audio.createOscillator();
  const destination = audio.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  return { stream: destination.stream, stop: () => oscillator.stop() };
}

/** A WebM/Opus recording of a tone made by MediaRecorder, until `until` resolves (or ~0.5 s of the page's own time). */
export async function recordTone(until?: Promise<unknown>): Promise<Blob> {
  const { stream, stop } = await toneStream();
  const recorder = new MediaRecorder(stream, { mimeType: 'audio/webm;codecs=opus' });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start(100);
  // Wait for real audio data rather than a fixed time.
  await (until ?? new Promise<void>((resolve) => {
    const check = () => (chunks.reduce((n, c) => n + c.size, 0) > 2000 ? resolve() : setTimeout(check, 50));
    check();
  }));
  recorder.stop();
  await stopped;
  stop();
  return new Blob(chunks, { type: recorder.mimeType });
}
