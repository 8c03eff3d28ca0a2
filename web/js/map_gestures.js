// Drag to pan (mouse, pen or one finger), pinch or wheel to zoom. Tells the caller when
// the driver moved the map by hand, so "follow car" can let go.
const WHEEL_ZOOM_PER_PIXEL = 0.0015;
const DRAG_THRESHOLD_PX = 4;

export function attachMapGestures(svg, camera, { onManualPan }) {
  const pointers = new Map();
  let lastPinchDistance = 0;
  let dragged = false;

  const localPoint = (event) => {
    const box = svg.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };

  svg.addEventListener('pointerdown', (event) => {
    if (event.target.closest('[data-clickable]')) return; // markers take their own taps
    svg.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, localPoint(event));
    dragged = false;
    lastPinchDistance = pinchDistance(pointers);
  });

  svg.addEventListener('pointermove', (event) => {
    const previous = pointers.get(event.pointerId);
    if (!previous) return;
    const now = localPoint(event);
    pointers.set(event.pointerId, now);
    if (pointers.size === 1) {
      const dx = now[0] - previous[0];
      const dy = now[1] - previous[1];
      if (!dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      if (!dragged) onManualPan();
      dragged = true;
      camera.panByPixels(dx, dy);
    } else if (pointers.size === 2) {
      const distance = pinchDistance(pointers);
      const [mx, my] = midpoint(pointers);
      if (lastPinchDistance > 0) camera.zoomAt(distance / lastPinchDistance, mx, my);
      lastPinchDistance = distance;
    }
  });

  const release = (event) => {
    pointers.delete(event.pointerId);
    lastPinchDistance = pinchDistance(pointers);
  };
  svg.addEventListener('pointerup', release);
  svg.addEventListener('pointercancel', release);

  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    const [px, py] = localPoint(event);
    camera.zoomAt(Math.exp(-event.deltaY * WHEEL_ZOOM_PER_PIXEL), px, py);
  }, { passive: false });
}

function pinchDistance(pointers) {
  if (pointers.size < 2) return 0;
  const [a, b] = [...pointers.values()];
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function midpoint(pointers) {
  const [a, b] = [...pointers.values()];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
