// The results panel: the places or parking the co-driver just listed, each with why it
// ranks where it does and a big Go button; plus a short card for a route or a light.
import { t, formatDistance, formatMinutes } from './i18n.js';
import { readAnswerCards, isNewPlaceList } from './answer_cards.js';

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class CardsPanel {
  // onGo(position): position is 1-based, as the co-driver numbered its list.
  constructor(container, { onGo, onPlacesChange, onSelect }) {
    this.container = container;
    this.onGo = onGo;
    this.onPlacesChange = onPlacesChange;
    this.onSelect = onSelect;
    this.places = [];
    this.kind = 'places';
    this.infoCards = [];
    this.emptyKey = 'cards_empty';
    this.render();
  }

  showAnswer(answer) {
    const { kind, places, others } = readAnswerCards(answer);
    if (isNewPlaceList(answer, places)) {
      this.places = places;
      this.kind = kind;
      this.emptyKey = places.length ? 'cards_empty' : 'cards_none_found';
      this.onPlacesChange?.(places);
    } else if (places.length > 0) {
      const index = this.places.findIndex((place) => place.id === places[0].id);
      if (index >= 0) this.select(index);
    }
    this.infoCards = others.filter((card) => card.type === 'route' || card.type === 'light');
    this.render();
  }

  clear() {
    this.places = [];
    this.infoCards = [];
    this.emptyKey = 'cards_empty';
    this.onPlacesChange?.([]);
    this.render();
  }

  select(index) {
    this.selected = index;
    for (const card of this.container.querySelectorAll('.place-card')) {
      card.classList.toggle('selected', Number(card.dataset.index) === index + 1);
    }
    const card = this.container.querySelector(`.place-card[data-index="${index + 1}"]`);
    card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    this.onSelect?.(index);
  }

  render() {
    const nodes = this.infoCards.map((card) => (card.type === 'route' ? this.routeCard(card) : this.lightCard(card)));
    this.places.forEach((place, index) => nodes.push(this.placeCard(place, index)));
    if (nodes.length === 0) nodes.push(element('p', 'cards-empty', t(this.emptyKey)));
    this.container.replaceChildren(...nodes);
    this.container.dataset.kind = this.kind;
  }

  placeCard(place, index) {
    const card = element('article', 'card place-card');
    card.dataset.index = index + 1;
    card.dataset.testid = 'place-card';
    card.dataset.kind = this.kind;
    if (this.selected === index) card.classList.add('selected');
    const head = card.appendChild(element('div', 'card-head'));
    head.appendChild(element('span', 'card-number', String(index + 1)));
    const titles = head.appendChild(element('div', 'card-titles'));
    titles.appendChild(element('h3', 'card-name', place.name || ''));
    const category = place.category ? t('cat_' + place.category) : '';
    titles.appendChild(element('span', 'card-meta', [category, formatDistance(place.distance_m)].filter(Boolean).join(' · ')));
    const why = card.appendChild(element('ul', 'card-why'));
    for (const reason of place.why || []) why.appendChild(element('li', '', reason));
    const go = card.appendChild(element('button', 'card-go', t('card_go')));
    go.type = 'button';
    go.dataset.testid = 'card-go';
    go.addEventListener('click', (event) => {
      event.stopPropagation();
      this.onGo?.(index + 1);
    });
    card.addEventListener('click', () => this.select(index));
    return card;
  }

  routeCard(route) {
    const card = element('article', 'card info-card route-card');
    const destination = route.stops && route.stops.length ? route.stops[route.stops.length - 1].name : '';
    card.appendChild(element('span', 'card-label', t('card_route')));
    card.appendChild(element('h3', 'card-name', destination ? `${t('stops_to')} ${destination}` : t('card_route')));
    const parts = [formatDistance(route.remaining_m ?? route.distance_m), formatMinutes(route.remaining_s ?? route.duration_s)];
    if (route.eta) parts.push(`${t('eta')} ${route.eta}`);
    card.appendChild(element('span', 'card-meta', parts.filter(Boolean).join(' · ')));
    return card;
  }

  lightCard(light) {
    const card = element('article', 'card info-card light-card');
    card.appendChild(element('span', 'card-label', t('card_light')));
    if (!light.found && light.found !== undefined) {
      card.appendChild(element('h3', 'card-name', t('no_light')));
      return card;
    }
    card.dataset.state = light.state || 'unknown';
    card.appendChild(element('h3', 'card-name', light.intersection || t('card_light')));
    const parts = [t('state_' + (light.state || 'unknown')), formatDistance(light.distance_m)];
    if (Number.isFinite(light.time_to_change_s)) parts.push(`${Math.ceil(light.time_to_change_s)} ${t('light_seconds')}`);
    card.appendChild(element('span', 'card-meta', parts.filter(Boolean).join(' · ')));
    return card;
  }
}
