// The map drawn from the bundle's own roads (no tiles): roads by class, the route, the
// destination, the listed places, the light ahead and the car.
import { Projection, flatLonLatPairs } from './projection.js';
import { MapCamera } from './map_camera.js';
import { attachMapGestures } from './map_gestures.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
// Drawn bottom to top: small roads under big ones.
const ROAD_CLASS_ORDER = ['other', 'service', 'residential', 'tertiary', 'secondary', 'primary', 'trunk', 'motorway'];
const ROAD_CLASS_ALIASES = { unclassified: 'residential', living_street: 'residential', road: 'residential' };
const START_METRES_PER_PIXEL = 1.6;
// Following, the car sits below the middle: the road ahead matters more than behind.
const FOLLOW_LOOK_AHEAD = 0.18;

function svgElement(name, attributes = {}) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

function roadClass(name) {
  const base = String(name || '').replace(/_link$/, '');
  const mapped = ROAD_CLASS_ALIASES[base] || base;
  return ROAD_CLASS_ORDER.includes(mapped) ? mapped : 'other';
}

export class MapView {
  constructor(svg, { onFollowChange, onPlaceTap }) {
    this.svg = svg;
    this.onFollowChange = onFollowChange;
    this.onPlaceTap = onPlaceTap;
    this.following = true;
    this.car = null;
    this.buildLayers();
  }

  buildLayers() {
    this.svg.replaceChildren();
    this.roadLayer = this.svg.appendChild(svgElement('g', { id: 'map-roads' }));
    this.routeCasing = this.svg.appendChild(svgElement('path', { id: 'route-casing', class: 'route-casing', d: '' }));
    this.routeLine = this.svg.appendChild(svgElement('path', { id: 'route-line', class: 'route-line', d: '', 'data-testid': 'route-line' }));
    this.placeLayer = this.svg.appendChild(svgElement('g', { id: 'place-markers' }));
    this.lightMarker = this.svg.appendChild(this.makeLightMarker());
    this.destinationMarker = this.svg.appendChild(this.makeDestinationMarker());
    this.carMarker = this.svg.appendChild(this.makeCarMarker());
  }

  // Markers are drawn in screen pixels and scaled by metres per pixel to keep their size.
  makeCarMarker() {
    const group = svgElement('g', { id: 'car-marker', class: 'car-marker', 'data-testid': 'car-marker', visibility: 'hidden' });
    group.appendChild(svgElement('circle', { class: 'car-halo', r: 26 }));
    group.appendChild(svgElement('path', { class: 'car-arrow', d: 'M0 -17 L12 13 L0 6 L-12 13 Z' }));
    return group;
  }

  makeDestinationMarker() {
    const group = svgElement('g', { id: 'destination-marker', class: 'destination-marker', visibility: 'hidden' });
    group.appendChild(svgElement('path', { class: 'pin', d: 'M0 0 C-4 -10 -14 -16 -14 -27 A14 14 0 1 1 14 -27 C14 -16 4 -10 0 0 Z' }));
    group.appendChild(svgElement('path', { class: 'pin-flag', d: 'M-5 -34 L-5 -18 M-5 -34 L7 -30 L-5 -26' }));
    return group;
  }

  makeLightMarker() {
    const group = svgElement('g', { id: 'light-marker', class: 'light-marker', visibility: 'hidden' });
    group.appendChild(svgElement('rect', { x: -8, y: -20, width: 16, height: 40, rx: 5, class: 'light-housing' }));
    group.appendChild(svgElement('circle', { class: 'light-lamp', r: 6 }));
    return group;
  }

  setRoads(mapGeometry) {
    this.projection = new Projection(mapGeometry.bbox);
    const pathsByClass = new Map(ROAD_CLASS_ORDER.map((name) => [name, []]));
    for (const road of mapGeometry.roads) {
      pathsByClass.get(roadClass(road.class)).push(this.projection.pathData(flatLonLatPairs(road.points)));
    }
    // One path per class and layer keeps the DOM small (thousands of roads in a city).
    const casings = svgElement('g', { class: 'road-casings' });
    const fills = svgElement('g', { class: 'road-fills' });
    for (const [name, parts] of pathsByClass) {
      if (parts.length === 0) continue;
      const d = parts.join('');
      casings.appendChild(svgElement('path', { class: `road-casing road-${name}`, d, 'data-class': name }));
      fills.appendChild(svgElement('path', { class: `road road-${name}`, d, 'data-class': name, 'data-roads': parts.length }));
    }
    this.roadLayer.replaceChildren(casings, fills);
    this.camera = new MapCamera(this.svg, this.projection.extent, (mpp) => this.rescaleMarkers(mpp));
    this.camera.metresPerPixel = START_METRES_PER_PIXEL;
    attachMapGestures(this.svg, this.camera, { onManualPan: () => this.setFollowing(false) });
    this.camera.apply();
    this.redrawPending();
  }

  // Whatever arrived before the roads (the car, a route) is drawn once they are in.
  redrawPending() {
    if (this.pendingRoute) this.setRoute(this.pendingRoute);
    if (this.pendingPlaces) this.setPlaces(this.pendingPlaces);
    if (this.car) this.setCar(this.car);
  }

  rescaleMarkers(mpp) {
    this.svg.style.setProperty('--zoom-width', Math.min(2.2, Math.max(0.55, 1.6 / mpp) ** 0.5).toFixed(3));
    for (const marker of [this.carMarker, this.destinationMarker, this.lightMarker, ...this.placeLayer.children]) {
      if (marker.dataset.x === undefined) continue;
      this.placeMarker(marker, Number(marker.dataset.x), Number(marker.dataset.y), Number(marker.dataset.rotate || 0));
    }
  }

  placeMarker(marker, x, y, rotateDeg = 0) {
    marker.dataset.x = x;
    marker.dataset.y = y;
    marker.dataset.rotate = rotateDeg;
    const scale = this.camera ? this.camera.metresPerPixel : 1;
    marker.setAttribute('transform', `translate(${x.toFixed(2)} ${y.toFixed(2)}) scale(${scale.toFixed(4)}) rotate(${rotateDeg.toFixed(1)})`);
    marker.setAttribute('visibility', 'visible');
  }

  setCar(vehicle) {
    this.car = vehicle;
    if (!this.projection) return;
    const [x, y] = this.projection.project(vehicle.lat, vehicle.lon);
    this.placeMarker(this.carMarker, x, y, vehicle.heading_deg || 0);
    this.carMarker.dataset.lat = vehicle.lat;
    this.carMarker.dataset.lon = vehicle.lon;
    if (this.following) {
      const [, height] = this.camera.size();
      this.camera.lookAt(x, y - FOLLOW_LOOK_AHEAD * height * this.camera.metresPerPixel);
    }
  }

  setRoute(route) {
    this.pendingRoute = route;
    if (!this.projection) return;
    const active = route && route.active && Array.isArray(route.geometry) && route.geometry.length > 1;
    const d = active ? this.projection.pathData(route.geometry) : '';
    this.routeLine.setAttribute('d', d);
    this.routeCasing.setAttribute('d', d);
    const destination = active && route.stops && route.stops.length ? route.stops[route.stops.length - 1] : null;
    if (destination) {
      const [x, y] = this.projection.project(destination.lat, destination.lon);
      this.placeMarker(this.destinationMarker, x, y);
    } else {
      this.destinationMarker.setAttribute('visibility', 'hidden');
    }
  }

  // places: [{lat, lon, name}] in list order; markers are numbered like the cards.
  setPlaces(places) {
    this.pendingPlaces = places;
    if (!this.projection) return;
    this.placeLayer.replaceChildren();
    places.forEach((place, index) => {
      const marker = svgElement('g', { class: 'place-marker', 'data-index': index + 1, 'data-clickable': '' });
      marker.appendChild(svgElement('circle', { r: 17 }));
      const label = marker.appendChild(svgElement('text', { 'text-anchor': 'middle', 'dominant-baseline': 'central' }));
      label.textContent = String(index + 1);
      const title = marker.appendChild(svgElement('title'));
      title.textContent = place.name || '';
      marker.addEventListener('click', () => this.onPlaceTap?.(index));
      const [x, y] = this.projection.project(place.lat, place.lon);
      this.placeLayer.appendChild(marker);
      this.placeMarker(marker, x, y);
    });
  }

  highlightPlace(index) {
    for (const marker of this.placeLayer.children) marker.classList.toggle('selected', Number(marker.dataset.index) === index + 1);
  }

  setLight(light) {
    if (!this.projection || !light || !Number.isFinite(light.lat)) {
      this.lightMarker.setAttribute('visibility', 'hidden');
      return;
    }
    this.lightMarker.dataset.state = light.state;
    const [x, y] = this.projection.project(light.lat, light.lon);
    this.placeMarker(this.lightMarker, x, y);
  }

  setFollowing(following) {
    this.following = following;
    this.onFollowChange?.(following);
    if (following && this.car) this.setCar(this.car);
  }

  zoom(factor) {
    this.camera?.zoomAtCentre(factor);
    if (this.following && this.car) this.setCar(this.car);
  }

  // Shows the listed places and the car together, in the part of the map that the
  // maneuver and light panels (top) and the zoom buttons (right) leave free.
  showPlacesAround(places) {
    if (!this.projection || places.length === 0) return;
    const points = places.map((place) => this.projection.project(place.lat, place.lon));
    if (this.car) points.push(this.projection.project(this.car.lat, this.car.lon));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [width, height] = this.camera.size();
    const free = { top: Math.min(210, height * 0.3), right: Math.min(110, width * 0.15), pad: 40 };
    const freeWidth = Math.max(100, width - free.right - 2 * free.pad);
    const freeHeight = Math.max(100, height - free.top - 2 * free.pad);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    this.setFollowing(false);
    const mpp = Math.max(0.6, Math.min(this.camera.maxMetresPerPixel(), Math.max(spanX / freeWidth, spanY / freeHeight)));
    this.camera.metresPerPixel = mpp;
    const freeCentrePx = [(width - free.right) / 2, free.top + (height - free.top) / 2];
    const boxCentre = [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2];
    this.camera.lookAt(boxCentre[0] - (freeCentrePx[0] - width / 2) * mpp, boxCentre[1] - (freeCentrePx[1] - height / 2) * mpp);
  }
}
