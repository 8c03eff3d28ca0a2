// The top strip: speed, battery, clock and whether the co-driver is connected.
import { t } from './i18n.js';

export class StatusBar {
  constructor(root) {
    this.speed = root.querySelector('#speed-value');
    this.battery = root.querySelector('#battery-value');
    this.batteryLevel = root.querySelector('#battery-level');
    this.clock = root.querySelector('#status-clock');
    this.link = root.querySelector('#connection-dot');
    this.tickClock();
    setInterval(() => this.tickClock(), 10000);
  }

  setVehicle(vehicle) {
    if (!vehicle) return;
    this.speed.textContent = String(Math.round(vehicle.speed_kmh || 0));
    const soc = Math.round(vehicle.soc_percent ?? 0);
    this.battery.textContent = `${soc}%`;
    this.batteryLevel.style.width = `${Math.max(4, Math.min(100, soc))}%`;
    this.batteryLevel.classList.toggle('low', soc < 20);
  }

  setConnected(connected) {
    this.link.classList.toggle('offline', !connected);
    this.link.title = connected ? '' : t('connection_lost');
  }

  tickClock() {
    const now = new Date();
    this.clock.textContent = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  }
}
