// The cockpit API (src/server/openapi.json): fetches with the screen's token, and errors
// that carry the server's message in both languages.
const TOKEN_KEY = 'codriver.token';

// A token in the page address is kept for the tab and taken out of the address bar, so it
// does not linger in the history or in screenshots.
function adoptTokenFromAddress() {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}
adoptTokenFromAddress();

function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export class ApiError extends Error {
  constructor(status, code, message, messageZh) {
    super(message);
    this.status = status;
    this.code = code;
    this.messageZh = messageZh || message;
  }

  inLanguage(lang) {
    return lang === 'zh' ? this.messageZh : this.message;
  }
}

const NETWORK_ERROR = ['The co-driver cannot be reached.', '无法连接副驾。'];

async function errorFrom(response) {
  try {
    const body = await response.json();
    if (body && body.error) return new ApiError(response.status, body.error.code, body.error.message, body.error.message_zh);
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(response.status, 'http_' + response.status,
    `The co-driver answered with HTTP ${response.status}.`, `副驾返回了 HTTP ${response.status}。`);
}

async function request(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (token()) headers.set('Authorization', `Bearer ${token()}`);
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch {
    throw new ApiError(0, 'network', ...NETWORK_ERROR);
  }
  if (!response.ok) throw await errorFrom(response);
  return response.json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null) search.set(key, value);
  const text = search.toString();
  return text ? '?' + text : '';
}

export const api = {
  map: () => request('/v1/map'),
  vehicle: () => request('/v1/vehicle'),
  route: (lang) => request('/v1/route' + query({ lang })),
  signals: (lang) => request('/v1/signals' + query({ lang })),
  ask: (text, lang) => request('/v1/ask', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, lang }),
  }),
  askAudio: (wavBlob, lang) => request('/v1/ask/audio' + query({ lang }), {
    method: 'POST',
    headers: { 'Content-Type': 'audio/wav' },
    body: wavBlob,
  }),
  reset: () => request('/v1/session/reset', { method: 'POST' }),
};

// EventSource cannot send headers: the token rides in the address instead.
export function eventsUrl(lang) {
  return '/v1/events' + query({ lang, access_token: token() || undefined });
}
