#pragma once

#include <nlohmann/json.hpp>

#include "signals/decode_options.h"
#include "signals/signal_model.h"

// The Chinese T/CSAE 53-2020 (YD/T 3709) SPAT, in a JSON form of ours.
//
// CSAE 53 sends SPAT in UPER like J2735 but with its own ASN.1: a message has msgCnt,
// moy and timeStamp (DSecond), and intersections; an intersection has intersectionId
// (NodeReferenceID {region, id}), status, optional moy/timeStamp and a list of phases; a
// phase has an id (PhaseID, 0..255) and phaseStates, each a LightState and a
// TimeChangeDetails that is a CHOICE of TimeCountingDown (times as countdowns from now,
// in tenths of a second) or UTCTiming (tenths within the UTC hour, like J2735's TimeMark).
// Platforms hand it on as JSON; this is the JSON codriver reads, the ASN.1 names kept:
//
//   {"standard": "T/CSAE 53-2020",              required, marks the shape
//    "messageType": "SPAT",                     required
//    "msgCnt": 12,                              optional, 0..127
//    "timestamp": "2024-05-01T08:00:00.300Z",   when the countdowns were taken (RFC 3339);
//    "moy": 175680, "timeStamp": 300,           or the ASN.1's MinuteOfTheYear and DSecond;
//                                               with neither, the decode reference
//    "name": "...",
//    "intersections": [{
//      "intersectionId": {"region": 1, "id": 1001},
//      "status": {"fixedTimeOperation": true} or "0000010000000000",   optional
//      "timestamp" | "moy"/"timeStamp": optional, the intersection's own time base
//      "phases": [{
//        "id": 3,
//        "phaseStates": [{
//          "light": "red",                      a LightState (below) or its number 0..8
//          "countdown": {"likelyEnd": 12.5,     seconds from the time base; each optional
//                        "minEnd": 10, "maxEnd": 15,
//                        "start": 0,            0: already showing (start unknown)
//                        "nextStart": 60,
//                        "confidence": 0.9}     probability 0..1 of likelyEnd
//          -- or, as the ASN.1 has it --
//          "timing": {"counting": {"startTime": 0, "minEndTime": 100, "maxEndTime": 150,
//                                  "likelyEndTime": 125, "timeConfidence": 180,
//                                  "nextStartTime": 600, "nextDuration": 300}}
//                    {"utcTiming": {"startUTCTime": .., "minEndUTCTime": ..,
//                                   "maxEndUTCTime": .., "likelyEndUTCTime": ..,
//                                   "timeConfidence": .., "nextStartUTCTime": ..,
//                                   "nextEndUTCTime": ..}}
//        }]}]}]}
//
// In "timing" the times are TimeMarks (tenths of a second) and timeConfidence is the
// ASN.1 Confidence (0..200, 0.5 % steps). nextDuration and nextEndUTCTime have no place
// in the model and are dropped.
//
// LightState -> model: unavailable, dark, flashing-red (stop-Then-Proceed), red
// (stop-And-Remain), flashing-green and permissive-green (permissive-Movement-Allowed),
// protected-green (protected-Movement-Allowed), yellow (protected-clearance),
// flashing-yellow (caution-Conflicting-Traffic); "green" and "amber" are accepted for
// permissive-green and yellow. A phase id becomes the signal group.
namespace codriver::signals {

bool is_csae53_spat_json(const nlohmann::json& document);

// Throws SignalsError naming the JSON path of what is wrong.
SpatMessage decode_csae53_spat_json(const nlohmann::json& document,
                                    const DecodeOptions& options = {});

}  // namespace codriver::signals
