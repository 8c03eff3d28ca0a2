#include "signals/j2735_json.h"

#include "signals/iso_time.h"
#include "signals/json_reader.h"
#include "signals/ode_json.h"

namespace codriver::signals {

namespace {

using json_input::Node;
constexpr const char* kCodec = "ODE JSON";

// payload.data of an envelope, data of a payload, or the document when it is the data.
const nlohmann::json& ode_data(const nlohmann::json& document) {
  if (document.contains("payload") && document["payload"].is_object() &&
      document["payload"].contains("data")) {
    return document["payload"]["data"];
  }
  if (document.contains("data") && document["data"].is_object()) return document["data"];
  return document;
}

std::string ode_data_type(const nlohmann::json& document) {
  const nlohmann::json* payload = &document;
  if (document.contains("payload") && document["payload"].is_object())
    payload = &document["payload"];
  const auto it = payload->find("dataType");
  return it != payload->end() && it->is_string() ? it->get<std::string>() : "";
}

bool is_spat_data(const nlohmann::json& data) {
  return data.is_object() && data.contains("intersectionStateList");
}

bool is_map_data(const nlohmann::json& data) {
  return data.is_object() &&
         (data.contains("msgIssueRevision") ||
          (data.contains("intersections") && data["intersections"].is_object() &&
           data["intersections"].contains("intersectionGeometry")));
}

Instant reference_for(const nlohmann::json& document, const DecodeOptions& options) {
  if (options.reference) return *options.reference;
  const Node root(document, "", kCodec);
  if (const auto metadata = root.find("metadata")) {
    if (const auto received = metadata->find("odeReceivedAt"))
      return json_input::instant(*received);
  }
  return feeds::Clock::now();
}

}  // namespace

bool is_ode_json(const nlohmann::json& document) {
  if (!document.is_object()) return false;
  const nlohmann::json& data = ode_data(document);
  return is_spat_data(data) || is_map_data(data);
}

SignalMessage decode_ode_json(const nlohmann::json& document, const DecodeOptions& options) {
  const Instant reference = reference_for(document, options);
  const nlohmann::json& data = ode_data(document);
  const std::string type = ode_data_type(document);
  const std::string path =
      &data == &document ? "" : (document.contains("payload") ? "payload.data" : "data");
  const Node node(data, path, kCodec);
  if (type.find("SPAT") != std::string::npos || (type.empty() && is_spat_data(data))) {
    return ode::read_ode_spat(node, reference);
  }
  if (type.find("MAP") != std::string::npos || (type.empty() && is_map_data(data))) {
    return ode::read_ode_map(node, reference);
  }
  Node(document, "", kCodec)
      .fail("is neither an ODE SPaT nor an ODE MAP" +
            (type.empty() ? std::string() : " (dataType " + type + ")"));
}

}  // namespace codriver::signals
