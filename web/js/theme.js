// Day or night colours: the driver's choice if they made one, else night from 19:00 to 07:00.
import { t } from './i18n.js';

const STORAGE_KEY = 'codriver.theme';

function defaultTheme() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'day' || stored === 'night') return stored;
  const hour = new Date().getHours();
  return hour >= 19 || hour < 7 ? 'night' : 'day';
}

export class ThemeToggle {
  constructor(button) {
    this.button = button;
    this.theme = defaultTheme();
    button.addEventListener('click', () => {
      this.apply(this.theme === 'night' ? 'day' : 'night');
      localStorage.setItem(STORAGE_KEY, this.theme);
    });
    this.apply(this.theme);
  }

  apply(theme) {
    this.theme = theme;
    document.documentElement.dataset.theme = theme;
    this.render();
  }

  // The button names the theme it switches to.
  render() {
    this.button.querySelector('.theme-label').textContent = t(this.theme === 'night' ? 'theme_day' : 'theme_night');
    this.button.dataset.theme = this.theme;
  }
}
