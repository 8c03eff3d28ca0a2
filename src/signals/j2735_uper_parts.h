#pragma once

#include <cstdint>
#include <string>

#include "signals/signal_model.h"
#include "signals/uper.h"

// Internal to the J2735 UPER codec: the SPAT and MapData bodies (the MessageFrame's open
// type value) and the pieces both use. Written from the J2735 2016 / 2020 DSRC module
// ASN.1 (identical for these types in ISO TS 19091); each function's comment gives the
// ASN.1 it encodes, because the bit layout follows from it and from nothing else.
namespace codriver::signals::j2735 {

SpatMessage read_spat(uper::BitReader& r, Instant reference);
void write_spat(uper::BitWriter& w, const SpatMessage& spat);

MapMessage read_map(uper::BitReader& r, Instant reference);
void write_map(uper::BitWriter& w, const MapMessage& map);

// --- shared by both bodies

// IntersectionReferenceID ::= SEQUENCE { region RoadRegulatorID OPTIONAL, id IntersectionID }
IntersectionRef read_intersection_ref(uper::BitReader& r);
void write_intersection_ref(uper::BitWriter& w, const IntersectionRef& ref);

// DescriptiveName ::= IA5String (SIZE(1..63))
std::string read_descriptive_name(uper::BitReader& r, const char* field);
void write_descriptive_name(uper::BitWriter& w, const std::string& name, const char* field);

// SEQUENCE (SIZE(1..4)) OF RegionalExtension: regionId (0..255) and an open type each;
// region-specific content codriver does not use, skipped whole.
void skip_regional_list(uper::BitReader& r);
// RegionalExtension, one.
void skip_regional_extension(uper::BitReader& r);

// A fixed-size BIT STRING as model bits: the first bit sent is bit 0.
std::uint16_t read_named_bits(uper::BitReader& r, int count, const char* field);
void write_named_bits(uper::BitWriter& w, std::uint16_t value, int count);

// ENUMERATED { root values..., ... }: the index, root or past it for an extension value.
int read_extensible_enum(uper::BitReader& r, int root_count, const char* field);

// The optional-field bitmap of a SEQUENCE: `count` presence bits, first component first.
std::uint32_t read_presence(uper::BitReader& r, int count, const char* field);
constexpr bool present(std::uint32_t bitmap, int count, int component) {
  return (bitmap >> (count - 1 - component)) & 1u;
}

}  // namespace codriver::signals::j2735
