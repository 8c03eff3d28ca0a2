// Press to talk, press again to send: the recording goes to /v1/ask/audio and the spoken
// answer is played back.
import { t, onLanguageChange } from './i18n.js';
import { AudioCapture, CaptureError } from './audio_capture.js';

const MAX_RECORDING_MS = 15000;
const MIN_RECORDING_S = 0.3;

export class VoiceButton {
  // askAudio(wavBlob) -> Promise<AudioAnswer>; onResult(audioAnswer); onError(message)
  constructor(button, { askAudio, onResult, onError }) {
    this.button = button;
    this.label = button.querySelector('.mic-label');
    this.askAudio = askAudio;
    this.onResult = onResult;
    this.onError = onError;
    this.state = 'idle';
    button.addEventListener('click', () => this.press());
    onLanguageChange(() => this.render());
    this.render();
  }

  async press() {
    if (this.state === 'idle') await this.startRecording();
    else if (this.state === 'recording') await this.finishRecording();
  }

  async startRecording() {
    this.capture = new AudioCapture();
    this.setState('starting');
    try {
      await this.capture.start();
    } catch (error) {
      this.setState('idle');
      this.onError(error instanceof CaptureError ? error.bilingual : String(error));
      return;
    }
    this.setState('recording');
    this.limitTimer = setTimeout(() => this.finishRecording(), MAX_RECORDING_MS);
  }

  async finishRecording() {
    if (this.state !== 'recording') return;
    clearTimeout(this.limitTimer);
    this.setState('sending');
    try {
      const { wav, seconds } = await this.capture.stop();
      if (seconds < MIN_RECORDING_S) {
        this.onError(t('chat_nothing_heard'));
        return;
      }
      const result = await this.askAudio(wav);
      this.onResult(result);
      if (result.audio) this.play(result.audio);
    } catch (error) {
      this.onError(error);
    } finally {
      this.setState('idle');
    }
  }

  play(dataUrl) {
    const player = new Audio(dataUrl);
    player.play().catch(() => {
      // autoplay refused: the answer is on screen anyway
    });
  }

  setState(state) {
    this.state = state;
    this.render();
  }

  render() {
    this.button.dataset.state = this.state;
    this.button.setAttribute('aria-pressed', String(this.state === 'recording'));
    this.button.disabled = this.state === 'starting' || this.state === 'sending';
    const key = { idle: 'mic_start', starting: 'mic_busy', recording: 'mic_stop', sending: 'mic_sending' }[this.state];
    this.label.textContent = t(key);
  }
}
