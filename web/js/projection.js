// Equirectangular projection around the map's centre, in metres: east is +x, south is +y
// (SVG's y grows downwards). Over a city the distortion is far below a pixel.
const EARTH_RADIUS_M = 6371008.8;
const RADIANS = Math.PI / 180;

export class Projection {
  constructor(bbox) {
    const [minLon, minLat, maxLon, maxLat] = bbox;
    this.lon0 = (minLon + maxLon) / 2;
    this.lat0 = (minLat + maxLat) / 2;
    this.cosLat0 = Math.cos(this.lat0 * RADIANS);
    const [x0, y0] = this.project(minLat, minLon);
    const [x1, y1] = this.project(maxLat, maxLon);
    this.extent = { minX: x0, maxX: x1, minY: y1, maxY: y0 };
  }

  project(lat, lon) {
    return [EARTH_RADIUS_M * (lon - this.lon0) * RADIANS * this.cosLat0, -EARTH_RADIUS_M * (lat - this.lat0) * RADIANS];
  }

  // SVG path data of a polyline; `points` yields [lat, lon] pairs.
  pathData(points) {
    let data = '';
    let first = true;
    for (const [lat, lon] of points) {
      const [x, y] = this.project(lat, lon);
      data += `${first ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
      first = false;
    }
    return data;
  }
}

// The map's roads come as flat [lon, lat, lon, lat, ...] arrays.
export function* flatLonLatPairs(flat) {
  for (let i = 0; i + 1 < flat.length; i += 2) yield [flat[i + 1], flat[i]];
}
