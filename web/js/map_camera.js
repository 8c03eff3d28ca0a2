// Where the map looks and how close: a centre in projected metres and a scale in metres
// per screen pixel, written to the SVG's viewBox. Markers that must keep their size on
// screen read `metresPerPixel` after every change.
const MIN_METRES_PER_PIXEL = 0.25;

export class MapCamera {
  constructor(svg, extent, onChange) {
    this.svg = svg;
    this.extent = extent;
    this.onChange = onChange;
    this.centre = [(extent.minX + extent.maxX) / 2, (extent.minY + extent.maxY) / 2];
    this.metresPerPixel = 2;
    new ResizeObserver(() => this.apply()).observe(svg);
  }

  size() {
    const box = this.svg.getBoundingClientRect();
    return [Math.max(1, box.width), Math.max(1, box.height)];
  }

  maxMetresPerPixel() {
    const [width, height] = this.size();
    const spanX = this.extent.maxX - this.extent.minX;
    const spanY = this.extent.maxY - this.extent.minY;
    return Math.max(MIN_METRES_PER_PIXEL * 4, 1.3 * Math.max(spanX / width, spanY / height));
  }

  lookAt(x, y) {
    this.centre = [x, y];
    this.apply();
  }

  panByPixels(dx, dy) {
    this.centre = [this.centre[0] - dx * this.metresPerPixel, this.centre[1] - dy * this.metresPerPixel];
    this.apply();
  }

  // Zooms by `factor` (>1 closer) keeping the point under screen pixel (px, py) still.
  zoomAt(factor, px, py) {
    const [width, height] = this.size();
    const before = this.toWorld(px, py, width, height);
    this.metresPerPixel = Math.min(this.maxMetresPerPixel(), Math.max(MIN_METRES_PER_PIXEL, this.metresPerPixel / factor));
    const after = this.toWorld(px, py, width, height);
    this.centre = [this.centre[0] + before[0] - after[0], this.centre[1] + before[1] - after[1]];
    this.apply();
  }

  zoomAtCentre(factor) {
    const [width, height] = this.size();
    this.zoomAt(factor, width / 2, height / 2);
  }

  toWorld(px, py, width, height) {
    return [this.centre[0] + (px - width / 2) * this.metresPerPixel, this.centre[1] + (py - height / 2) * this.metresPerPixel];
  }

  apply() {
    const [width, height] = this.size();
    // Keep the centre inside the map so the driver cannot get lost in empty space.
    const { minX, maxX, minY, maxY } = this.extent;
    this.centre = [Math.min(maxX, Math.max(minX, this.centre[0])), Math.min(maxY, Math.max(minY, this.centre[1]))];
    const w = width * this.metresPerPixel;
    const h = height * this.metresPerPixel;
    this.svg.setAttribute('viewBox', `${(this.centre[0] - w / 2).toFixed(2)} ${(this.centre[1] - h / 2).toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}`);
    this.onChange?.(this.metresPerPixel);
  }
}
