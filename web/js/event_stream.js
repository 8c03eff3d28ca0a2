// The drive as it happens: one EventSource on /v1/events in the screen's language,
// reopened when the language changes or the server dropped us for good (e.g. busy).
import { eventsUrl } from './api.js';

const EVENT_NAMES = ['tick', 'route', 'answer', 'reset'];
// A new connection first replays the latest event of each kind. Ticks and routes may be
// drawn twice, but an answer or a reset this screen already had must not happen twice.
const ONCE_ONLY = new Set(['answer', 'reset']);
const RETRY_AFTER_CLOSE_MS = 3000;

export class EventStream {
  // handlers: {tick, route, answer, reset, status(connected: boolean)}
  constructor(handlers) {
    this.handlers = handlers;
    this.source = null;
    this.retryTimer = null;
    this.lastSeenId = 0; // event ids grow across the server's connections
  }

  open(lang) {
    this.close();
    this.lang = lang;
    const source = new EventSource(eventsUrl(lang));
    this.source = source;
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => this.receive(name, event));
    }
    source.onopen = () => this.handlers.status?.(true);
    source.onerror = () => {
      this.handlers.status?.(false);
      // EventSource retries by itself unless the server refused the stream (401, 503).
      if (source.readyState === EventSource.CLOSED && this.source === source) {
        this.retryTimer = setTimeout(() => this.open(this.lang), RETRY_AFTER_CLOSE_MS);
      }
    };
  }

  receive(name, event) {
    const id = Number(event.lastEventId);
    if (Number.isFinite(id) && id > 0) {
      if (id <= this.lastSeenId && ONCE_ONLY.has(name)) return;
      this.lastSeenId = Math.max(this.lastSeenId, id);
    }
    this.dispatch(name, event.data);
  }

  dispatch(name, data) {
    let parsed;
    try {
      parsed = JSON.parse(data);
    } catch {
      return; // a malformed event is dropped, the next tick repairs the screen
    }
    this.handlers[name]?.(parsed);
  }

  close() {
    clearTimeout(this.retryTimer);
    if (this.source) this.source.close();
    this.source = null;
  }
}
