// The next turn in big type (arrow, distance, instruction) and the trip's remaining
// distance, time and arrival.
import { t, formatDistance, formatMinutes } from './i18n.js';

// Arrow shapes in a 48×48 box, picked from the instruction's words in either language.
const ARROWS = {
  left: 'M30 42 V22 Q30 16 24 16 H14 M20 9 L12 16 L20 23',
  right: 'M18 42 V22 Q18 16 24 16 H34 M28 9 L36 16 L28 23',
  uturn: 'M16 42 V18 Q16 8 25 8 Q34 8 34 18 V30 M27 24 L34 31 L41 24',
  arrive: 'M14 42 V8 M14 8 L36 14 L14 22',
  roundabout: 'M24 42 V30 M24 30 A8 8 0 1 1 31 22 M31 22 L37 12 M30 13 L37 12 L37 19',
  straight: 'M24 42 V10 M16 17 L24 9 L32 17',
};

function arrowFor(instruction) {
  const text = (instruction || '').toLowerCase();
  if (/u-turn|掉头/.test(text)) return 'uturn';
  if (/arriv|destination|到达|目的地/.test(text)) return 'arrive';
  if (/roundabout|环岛|转盘/.test(text)) return 'roundabout';
  if (/left|左/.test(text)) return 'left';
  if (/right|右/.test(text)) return 'right';
  return 'straight';
}

export class ManeuverPanel {
  constructor(root, tripRoot) {
    this.root = root;
    this.tripRoot = tripRoot;
    this.arrow = root.querySelector('#maneuver-arrow path');
    this.distance = root.querySelector('#maneuver-distance');
    this.instruction = root.querySelector('#maneuver-instruction');
    this.remaining = tripRoot.querySelector('#trip-remaining');
    this.eta = tripRoot.querySelector('#trip-eta');
    this.destination = tripRoot.querySelector('#trip-destination');
    this.route = null;
    this.progress = null;
    this.maneuver = null;
    this.render();
  }

  setRoute(route) {
    this.route = route && route.active ? route : null;
    this.maneuver = this.route ? this.route.next_maneuver || null : null;
    this.progress = this.route ? { remaining_m: this.route.remaining_m, remaining_s: this.route.remaining_s } : null;
    this.render();
  }

  setTick(tick) {
    this.maneuver = tick.maneuver || null;
    this.progress = tick.progress || null;
    if (!tick.progress && this.route) this.route = null; // the trip ended between route events
    this.render();
  }

  render() {
    const active = Boolean(this.route || this.progress);
    this.root.classList.toggle('idle', !active || !this.maneuver);
    this.tripRoot.classList.toggle('idle', !active);
    if (active && this.maneuver) {
      this.arrow.setAttribute('d', ARROWS[arrowFor(this.maneuver.instruction)]);
      this.distance.textContent = formatDistance(this.maneuver.distance_m);
      this.instruction.textContent = this.maneuver.instruction;
    } else {
      this.arrow.setAttribute('d', ARROWS.straight);
      this.distance.textContent = active ? '' : t('no_route');
      this.instruction.textContent = active ? '' : t('no_route_hint');
    }
    this.renderTrip(active);
  }

  renderTrip(active) {
    if (!active) {
      this.remaining.textContent = '';
      this.eta.textContent = '';
      this.destination.textContent = '';
      return;
    }
    const progress = this.progress || {};
    this.remaining.textContent = [formatDistance(progress.remaining_m), formatMinutes(progress.remaining_s)].filter(Boolean).join(' · ');
    this.eta.textContent = arrivalClock(progress.remaining_s, this.route?.eta);
    const stops = this.route?.stops || [];
    this.destination.textContent = stops.length ? stops[stops.length - 1].name : '';
  }
}

// The arrival time follows the remaining seconds of the latest tick.
function arrivalClock(remainingSeconds, fallback) {
  if (!Number.isFinite(remainingSeconds)) return fallback ? `${t('eta')} ${fallback}` : '';
  const at = new Date(Date.now() + remainingSeconds * 1000);
  return `${t('eta')} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
