#pragma once

#include <nlohmann/json.hpp>

#include "signals/decode_options.h"
#include "signals/j2735_uper.h"

// The JSON shapes of J2735 SPaT and MAP that deployments emit, read into the model:
//
// - USDOT ITS JPO ODE ("Operational Data Environment") output: an envelope
//   {"metadata": {..., "odeReceivedAt": ...}, "payload": {"data": {...}, "dataType":
//   "us.dot.its.jpo.ode.plugin.j2735.J2735SPAT" | "...J2735MAP"}}, whose data mirrors the
//   ASN.1 with ODE's names (intersectionStateList.intersectionStatelist[].states
//   .movementList[].state_time_speed.movementEventList[], eventState
//   "PROTECTED_MOVEMENT_ALLOWED", TimeMarks as numbers; MAP refPoint in degrees and
//   metres, lane offsets in centimetres, dElevation in 10 cm as sent). The payload alone,
//   or its data alone, are read too.
// - The flattened "ProcessedSpat" (one intersection, absolute ISO 8601 times) and
//   "ProcessedMap" (a GeoJSON FeatureCollection of lanes, with [lon, lat] coordinates)
//   of the USDOT ODE GeoJSON converter.
//
// Where an ODE document and a UPER message carry the same message, both decoders give the
// same model (positions to the last bit: both place lane nodes with place_nodes).
// Malformed input throws SignalsError naming the JSON path.
namespace codriver::signals {

bool is_ode_json(const nlohmann::json& document);
bool is_processed_spat_json(const nlohmann::json& document);
bool is_processed_map_json(const nlohmann::json& document);

SignalMessage decode_ode_json(const nlohmann::json& document, const DecodeOptions& options = {});

// ProcessedSpat times are absolute already; `options` are not needed for them.
SpatMessage decode_processed_spat_json(const nlohmann::json& document);

// ProcessedMap does not say what kind a lane is; lanes are read as vehicle lanes. It
// writes 0 for an approach a lane does not have, so an ingress approach of 0 on a lane
// that is not an ingress path (and the same for egress) is read as none.
MapMessage decode_processed_map_json(const nlohmann::json& document);

}  // namespace codriver::signals
