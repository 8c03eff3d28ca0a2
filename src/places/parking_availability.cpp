#include "places/parking_availability.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace codriver::places {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxMessageBytes = 1 << 20;
constexpr auto kMaxClockSkew = std::chrono::minutes(5);

std::string text_field(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<int> count_field(const json& lot, const char* key, const std::string& id) {
  const auto found = lot.find(key);
  if (found == lot.end() || found->is_null()) return std::nullopt;
  if (!found->is_number_integer() || found->get<std::int64_t>() < 0 ||
      found->get<std::int64_t>() > 1000000) {
    throw FeedError("lot " + id + ": \"" + key + "\" must be a whole number from 0 to 1000000");
  }
  return found->get<int>();
}

feeds::Clock::time_point timestamp_of(const json& lot, const std::string& fallback,
                                      const std::string& id) {
  std::string text = text_field(lot, "timestamp");
  if (text.empty()) text = fallback;
  if (text.empty()) throw FeedError("lot " + id + " has no \"timestamp\" (or \"last_updated\")");
  const auto instant = feeds::parse_rfc3339(text);
  if (!instant) throw FeedError("lot " + id + ": '" + text + "' is not an RFC 3339 timestamp");
  return *instant;
}

LotStatus parse_lot(const json& lot, const std::string& last_updated) {
  if (!lot.is_object()) throw FeedError("a lot must be a JSON object");
  std::string id = text_field(lot, "lot_id");
  if (id.empty()) id = text_field(lot, "id");
  if (id.empty() || id.size() > 200) throw FeedError("a lot needs an \"id\" or \"lot_id\" string");
  LotStatus status;
  status.lot_id = id;
  const auto free = count_field(lot, "free", id);
  if (!free) throw FeedError("lot " + id + " has no \"free\" count");
  status.free = *free;
  status.total = count_field(lot, "total", id);
  if (status.total && status.free > *status.total) {
    throw FeedError("lot " + id + " reports more free spaces (" + std::to_string(status.free) +
                    ") than it has (" + std::to_string(*status.total) + ")");
  }
  status.closed = text_field(lot, "state") == "closed";
  status.observed_at = timestamp_of(lot, last_updated, id);
  return status;
}

std::vector<LotStatus> parse_message(std::string_view message) {
  if (message.size() > kMaxMessageBytes) throw FeedError("parking message larger than 1 MiB");
  const json document = json::parse(message, nullptr, false);
  if (document.is_discarded()) throw FeedError("parking message is not valid JSON");
  if (!document.is_object()) throw FeedError("parking message must be a JSON object");
  std::vector<LotStatus> statuses;
  const auto lots = document.find("lots");
  if (lots == document.end()) {
    statuses.push_back(parse_lot(document, ""));
    return statuses;
  }
  if (!lots->is_array()) throw FeedError("\"lots\" must be an array");
  const std::string last_updated = text_field(document, "last_updated");
  for (const json& lot : *lots)
    statuses.push_back(parse_lot(lot, last_updated));
  return statuses;
}

}  // namespace

std::string lot_id(const map::Place& place) {
  return "osm:" + std::string(1, place.osm_type) + std::to_string(place.osm_id);
}

std::size_t AvailabilityBoard::ingest(std::string_view json_message,
                                      feeds::Clock::time_point now) {
  const std::vector<LotStatus> statuses = parse_message(json_message);
  for (const LotStatus& status : statuses) {
    if (status.observed_at > now + kMaxClockSkew) {
      throw FeedError("lot " + status.lot_id + " is stamped " +
                      feeds::format_rfc3339(status.observed_at) +
                      ", in the future; check the feed's clock");
    }
  }
  std::lock_guard lock(mutex_);
  std::size_t updated = 0;
  for (const LotStatus& status : statuses) {
    auto [at, inserted] = lots_.try_emplace(status.lot_id, status);
    if (!inserted && status.observed_at <= at->second.observed_at) continue;
    at->second = status;
    ++updated;
  }
  return updated;
}

std::optional<LotReading> AvailabilityBoard::reading(std::string_view id,
                                                     feeds::Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  const auto found = lots_.find(id);
  if (found == lots_.end()) return std::nullopt;
  LotReading reading{found->second, 0.0, false};
  reading.age_s = std::chrono::duration<double>(now - found->second.observed_at).count();
  reading.stale = reading.age_s > static_cast<double>(max_age_.count());
  return reading;
}

std::size_t AvailabilityBoard::size() const {
  std::lock_guard lock(mutex_);
  return lots_.size();
}

}  // namespace codriver::places
