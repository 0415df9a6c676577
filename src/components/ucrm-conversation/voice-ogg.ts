/**
 * WhatsApp takes voice notes as `audio/ogg; codecs=opus`; Chromium's
 * MediaRecorder writes WebM/Opus. The Opus packets are the same in both
 * containers, so mediabunny moves them from one to the other without
 * decoding (a remux); only when the recording is not Opus does it transcode.
 * This module is imported on demand, when a voice note is sent.
 */
import { ALL_FORMATS, BlobSource, BufferTarget, Conversion, Input, OggOutputFormat, Output } from 'mediabunny';

export const OGG_OPUS = 'audio/ogg; codecs=opus';

/** The recording as Ogg/Opus (the same Blob when it already is Ogg). */
export async function toOggOpus(recording: Blob): Promise<Blob> {
  if (/^audio\/ogg/i.test(recording.type)) return recording;
  const input = new Input({ source: new BlobSource(recording), formats: ALL_FORMATS });
  const output = new Output({ format: new OggOutputFormat(), target: new BufferTarget() });
  // Opus in, Opus out: mediabunny copies the packets; anything else is encoded to Opus.
  const conversion = await Conversion.init({ input, output, audio: { codec: 'opus' } });
  if (!conversion.isValid) {
    const reasons = conversion.discardedTracks.map((t) => t.reason).join(', ');
    throw new Error(`The recording cannot be converted to Ogg/Opus (${reasons || 'no audio track'}).`);
  }
  await conversion.execute();
  const buffer = output.target.buffer;
  if (!buffer) throw new Error('The Ogg/Opus conversion produced nothing.');
  return new Blob([buffer], { type: OGG_OPUS });
}
