// The light ahead at a glance: its colour, whole seconds to the change, the advised speed
// and what to do; or plainly "no light ahead".
import { t, formatDistance } from './i18n.js';

const LAMP_STATES = ['red', 'yellow', 'green'];

export class LightWidget {
  constructor(root) {
    this.root = root;
    this.countdown = root.querySelector('#light-countdown');
    this.speed = root.querySelector('#light-speed');
    this.advice = root.querySelector('#light-advice');
    this.place = root.querySelector('#light-place');
    this.stateLabel = root.querySelector('#light-state');
    this.light = null;
    this.render();
  }

  update(light) {
    this.light = light || null;
    this.render();
  }

  render() {
    const light = this.light;
    this.root.classList.toggle('no-light', !light);
    const state = light ? light.state || 'unknown' : 'none';
    for (const lamp of this.root.querySelectorAll('.lamp')) {
      lamp.classList.toggle('on', lamp.dataset.lamp === state || (state === 'flashing' && lamp.dataset.lamp === 'yellow'));
    }
    if (!light) {
      this.root.dataset.state = 'none';
      this.countdown.textContent = '';
      this.speed.textContent = '';
      this.advice.textContent = '';
      this.stateLabel.textContent = t('no_light');
      this.place.textContent = '';
      return;
    }
    this.root.dataset.state = state;
    this.stateLabel.textContent = t('state_' + (LAMP_STATES.includes(state) || state === 'flashing' || state === 'dark' ? state : 'unknown'));
    const seconds = light.time_to_change_s;
    this.countdown.textContent = Number.isFinite(seconds) ? String(Math.max(0, Math.ceil(seconds))) : t('light_unknown_time');
    this.countdown.dataset.seconds = Number.isFinite(seconds) ? seconds.toFixed(1) : '';
    this.speed.textContent = Number.isFinite(light.advised_speed_kmh)
      ? `${t('advised_speed')} ${Math.round(light.advised_speed_kmh)} ${t('speed_unit')}` : '';
    const adviceKey = 'advice_' + (light.advice || 'no_data');
    // An advice this screen has no words for is said with the server's own sentence.
    this.advice.textContent = t(adviceKey) === adviceKey ? (light.sentence || '') : t(adviceKey);
    this.advice.title = light.sentence || '';
    this.place.textContent = [light.intersection, formatDistance(light.distance_m)].filter(Boolean).join(' · ');
  }
}
