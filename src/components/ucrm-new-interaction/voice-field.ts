/** The voice message controls: record, stop, preview, discard, and why recording is impossible. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ComposerStrings } from '../../i18n/strings/composer.js';
import type { VoiceRecorderController } from './voice-recorder.js';

export function renderVoiceField(voice: VoiceRecorderController, s: ComposerStrings): TemplateResult {
  const recording = voice.state === 'recording' || voice.state === 'requesting';
  return html`<div part="voice" role="group" aria-label=${s.voice}>
    ${recording
      ? html`<button type="button" part="voice-stop" @click=${() => voice.stop()}>${s.stop}</button>
          <span part="voice-status" role="status">${s.recording}</span>`
      : html`<button type="button" part="voice-record" @click=${() => void voice.record()}>${s.record}</button>`}
    ${voice.state === 'recorded' && voice.url
      ? html`<audio part="voice-preview" controls src=${voice.url} aria-label=${s.voice}></audio>
          <button type="button" part="voice-discard" @click=${() => voice.discard()}>${s.discard}</button>
          <p part="voice-status" role="status">${s.voiceReady}</p>`
      : nothing}
    ${voice.state === 'denied' || voice.state === 'unavailable'
      ? html`<p part="voice-error" role="alert">${voice.state === 'denied' ? s.micDenied : s.micUnavailable}</p>`
      : nothing}
  </div>`;
}
