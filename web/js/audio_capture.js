// Records the microphone with Web Audio and hands back a 16 kHz mono WAV.
import { resample, encodeWav } from './wav_encoder.js';

const FRAME_SIZE = 4096;

// Why the microphone could not be used, in both languages at once: the driver may not
// read the screen's current one.
const CAPTURE_ERRORS = {
  refused: ['Microphone access was refused. Allow the microphone for this page in the browser settings, or type instead.',
    '麦克风权限被拒绝。请在浏览器设置中允许本页面使用麦克风，或改用文字输入。'],
  missing: ['No microphone was found.', '没有找到麦克风。'],
  unavailable: ['This browser cannot record here (the page needs https or localhost).', '此浏览器无法在这里录音（页面需要 https 或 localhost）。'],
  failed: ['The microphone could not be started.', '无法启动麦克风。'],
};

export class CaptureError extends Error {
  constructor(kind) {
    const [en, zh] = CAPTURE_ERRORS[kind] || CAPTURE_ERRORS.failed;
    super(en);
    this.kind = kind;
    this.bilingual = `${zh}\n${en}`;
  }
}

function captureErrorFrom(error) {
  if (error && (error.name === 'NotAllowedError' || error.name === 'SecurityError')) return new CaptureError('refused');
  if (error && (error.name === 'NotFoundError' || error.name === 'OverconstrainedError')) return new CaptureError('missing');
  return new CaptureError('failed');
}

export class AudioCapture {
  async start() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.AudioContext) throw new CaptureError('unavailable');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
    } catch (error) {
      throw captureErrorFrom(error);
    }
    this.context = new AudioContext();
    this.chunks = [];
    const source = this.context.createMediaStreamSource(this.stream);
    // ScriptProcessor needs no extra module file and runs everywhere this page does.
    this.processor = this.context.createScriptProcessor(FRAME_SIZE, 1, 1);
    this.processor.onaudioprocess = (event) => this.chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
    const silence = this.context.createGain();
    silence.gain.value = 0; // the processor must reach the output to run, the driver must not hear it
    source.connect(this.processor);
    this.processor.connect(silence);
    silence.connect(this.context.destination);
  }

  async stop() {
    const rate = this.context.sampleRate;
    this.processor.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
    await this.context.close();
    const samples = resample(this.chunks, rate);
    this.chunks = [];
    return { wav: encodeWav(samples), seconds: samples.length / 16000 };
  }
}
