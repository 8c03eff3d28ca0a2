// Wires the cockpit screen together: the API, the event stream and the panels.
import { api, ApiError } from './api.js';
import { EventStream } from './event_stream.js';
import { t, language, setLanguage, onLanguageChange, applyLabels } from './i18n.js';
import { MapView } from './map_view.js';
import { CardsPanel } from './cards.js';
import { LightWidget } from './light_widget.js';
import { ManeuverPanel } from './maneuver_panel.js';
import { ChatPanel } from './chat_panel.js';
import { EchoFilter } from './echo_filter.js';
import { VoiceButton } from './voice.js';
import { ThemeToggle } from './theme.js';
import { StatusBar } from './status_bar.js';

const $ = (selector) => document.querySelector(selector);

applyLabels(document);
const theme = new ThemeToggle($('#theme-toggle'));
const statusBar = new StatusBar($('#status-bar'));
const lightWidget = new LightWidget($('#light-widget'));
const maneuverPanel = new ManeuverPanel($('#maneuver'), $('#trip'));

const followButton = $('#follow-button');
const mapView = new MapView($('#map-svg'), {
  onFollowChange: (following) => {
    followButton.classList.toggle('active', following);
    followButton.setAttribute('aria-pressed', String(following));
  },
  onPlaceTap: (index) => cards.select(index),
});

const cards = new CardsPanel($('#cards'), {
  onGo: (position) => ask(t('go_to_number', position)),
  onPlacesChange: (places) => {
    mapView.setPlaces(places);
    mapView.showPlacesAround(places);
  },
  onSelect: (index) => mapView.highlightPlace(index),
});

const chat = new ChatPanel(
  { log: $('#chat-log'), form: $('#ask-form'), input: $('#ask-input'), send: $('#ask-send') },
  { onAsk: (text) => ask(text) },
);

// Answers to other screens' questions, shown as if asked here.
const echoFilter = new EchoFilter(({ question, answer }) => {
  if (question) chat.addQuestion(question);
  showAnswer(answer);
});

function errorText(error) {
  if (error instanceof ApiError) return error.inLanguage(language());
  if (typeof error === 'string') return error;
  return t('unknown_error');
}

function showError(error) {
  chat.addError(errorText(error));
}

function showAnswer(answer) {
  chat.addAnswer(answer);
  cards.showAnswer(answer);
  refreshRoute();
}

async function ask(text) {
  chat.addQuestion(text);
  chat.setBusy(true);
  const finish = echoFilter.begin();
  try {
    const answer = await api.ask(text, language());
    finish(text);
    showAnswer(answer);
  } catch (error) {
    finish(null);
    showError(error);
  } finally {
    chat.setBusy(false);
  }
}

let voiceFinish = null;
new VoiceButton($('#mic-button'), {
  askAudio: async (wav) => {
    voiceFinish = echoFilter.begin();
    try {
      return await api.askAudio(wav, language());
    } catch (error) {
      voiceFinish(null);
      throw error;
    }
  },
  onResult: (result) => {
    voiceFinish(result.transcript || null);
    if (result.transcript) chat.addQuestion(result.transcript);
    if (result.answer) showAnswer(result.answer);
    else chat.addNote(t('chat_nothing_heard'));
  },
  onError: (error) => showError(error),
});

// A new trip brings the car back into view.
let routeSignature = '';
function applyRoute(route) {
  mapView.setRoute(route);
  maneuverPanel.setRoute(route);
  const signature = route && route.active ? JSON.stringify([route.stops, route.distance_m]) : '';
  if (signature && signature !== routeSignature) mapView.setFollowing(true);
  routeSignature = signature;
}

async function refreshRoute() {
  try {
    applyRoute(await api.route(language()));
  } catch (error) {
    showError(error);
  }
}

const banner = $('#connection-banner');
const events = new EventStream({
  tick: (tick) => {
    // A count the end-to-end test reads to tell a silent stream from a frozen screen.
    document.body.dataset.ticks = String(Number(document.body.dataset.ticks || 0) + 1);
    mapView.setCar(tick.vehicle);
    mapView.setLight(tick.light);
    lightWidget.update(tick.light);
    maneuverPanel.setTick(tick);
    statusBar.setVehicle(tick.vehicle);
  },
  route: (route) => applyRoute(route),
  answer: (event) => echoFilter.offer(event),
  reset: () => {
    cards.clear();
    applyRoute({ active: false });
  },
  status: (connected) => {
    statusBar.setConnected(connected);
    banner.hidden = connected;
  },
});

$('#lang-toggle').addEventListener('click', () => setLanguage(language() === 'zh' ? 'en' : 'zh'));
$('#zoom-in').addEventListener('click', () => mapView.zoom(1.6));
$('#zoom-out').addEventListener('click', () => mapView.zoom(1 / 1.6));
followButton.addEventListener('click', () => mapView.setFollowing(true));

onLanguageChange((lang) => {
  events.open(lang);
  refreshRoute();
  cards.render();
  lightWidget.render();
  maneuverPanel.render();
  theme.render();
});

async function start() {
  const loading = $('#map-loading');
  try {
    const [geometry, vehicle] = await Promise.all([api.map(), api.vehicle()]);
    mapView.setCar(vehicle);
    statusBar.setVehicle(vehicle);
    mapView.setRoads(geometry);
    loading.hidden = true;
    document.body.dataset.mapReady = 'true';
  } catch (error) {
    loading.textContent = errorText(error);
    loading.classList.add('error');
  }
  refreshRoute();
  api.signals(language()).then((signals) => lightWidget.update(signals.light)).catch(() => {});
  events.open(language());
}

start();
