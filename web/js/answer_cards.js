// What an answer's `cards` hold, in one shape for the screen. A search answer lists its
// places either as one card {type: "places", places: [...]} / {type: "parking", lots: [...]}
// or as one card per place ({name, lat, lon, why, category, ...} without a type); both
// become {kind, places}.
function isPlace(card) {
  return card && typeof card === 'object' && typeof card.name === 'string' &&
    Number.isFinite(card.lat) && Number.isFinite(card.lon);
}

function listKind(places, declared) {
  if (declared === 'parking') return 'parking';
  return places.length > 0 && places.every((place) => place.category === 'parking') ? 'parking' : 'places';
}

export function readAnswerCards(answer) {
  const places = [];
  let declared = null;
  const others = [];
  for (const card of answer.cards || []) {
    if (card.type === 'places' && Array.isArray(card.places)) {
      places.push(...card.places.filter(isPlace));
      declared = declared || 'places';
    } else if (card.type === 'parking' && Array.isArray(card.lots)) {
      places.push(...card.lots.filter(isPlace));
      declared = 'parking';
    } else if (!card.type && isPlace(card)) {
      places.push(card);
    } else if (card.type) {
      others.push(card);
    }
  }
  return { kind: listKind(places, declared), places, others };
}

// A search (a tool ran) gives a new list, even an empty one; a place card without a tool
// call ("the second one") points into the list already on screen.
export function isNewPlaceList(answer, places) {
  const searched = (answer.tool_calls || []).some((call) => call.status === 'done') &&
    /^(find|search)/.test(answer.intent || '');
  return searched || (places.length > 0 && (answer.tool_calls || []).length > 0);
}
