#include "signals/j2735_uper_parts.h"

namespace codriver::signals::j2735 {

IntersectionRef read_intersection_ref(uper::BitReader& r) {
  uper::BitReader::FieldScope scope(r, "id");
  IntersectionRef ref;
  const bool has_region = r.bit("region present");
  if (has_region) ref.region = static_cast<int>(r.constrained(0, 65535, "region"));
  ref.id = static_cast<int>(r.constrained(0, 65535, "id"));
  return ref;
}

void write_intersection_ref(uper::BitWriter& w, const IntersectionRef& ref) {
  w.bit(ref.region.has_value());
  if (ref.region) w.constrained(*ref.region, 0, 65535, "IntersectionReferenceID.region");
  w.constrained(ref.id, 0, 65535, "IntersectionReferenceID.id");
}

std::string read_descriptive_name(uper::BitReader& r, const char* field) {
  return r.ia5_string(1, 63, field);
}

void write_descriptive_name(uper::BitWriter& w, const std::string& name, const char* field) {
  w.ia5_string(name, 1, 63, field);
}

void skip_regional_extension(uper::BitReader& r) {
  r.constrained(0, 255, "regionId");
  r.skip_open_type("regExtValue");
}

void skip_regional_list(uper::BitReader& r) {
  const std::size_t count = r.size(1, 4, "regional");
  for (std::size_t i = 0; i < count; ++i) {
    uper::BitReader::FieldScope scope(r, "regional", static_cast<int>(i));
    skip_regional_extension(r);
  }
}

std::uint16_t read_named_bits(uper::BitReader& r, int count, const char* field) {
  const std::uint64_t sent = r.bits(count, field);
  std::uint16_t value = 0;
  for (int i = 0; i < count && i < 16; ++i) {
    if ((sent >> (count - 1 - i)) & 1u) value |= static_cast<std::uint16_t>(1u << i);
  }
  return value;
}

void write_named_bits(uper::BitWriter& w, std::uint16_t value, int count) {
  for (int i = 0; i < count; ++i)
    w.bit(i < 16 && ((value >> i) & 1u));
}

int read_extensible_enum(uper::BitReader& r, int root_count, const char* field) {
  if (!r.bit(field)) return static_cast<int>(r.constrained(0, root_count - 1, field));
  const std::uint64_t extension = r.normally_small(field);
  if (extension > 1000) r.fail("enumeration extension value " + std::to_string(extension), field);
  return root_count + static_cast<int>(extension);
}

std::uint32_t read_presence(uper::BitReader& r, int count, const char* field) {
  return static_cast<std::uint32_t>(r.bits(count, field));
}

}  // namespace codriver::signals::j2735
