#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "agent/json_schema.h"
#include "server/openapi_document.h"

// Reads the served OpenAPI document the way a client generator would: follows its $refs
// and finds the schema each endpoint promises for each status, so that tests can hold
// every real response to it.
namespace codriver::server::testing {

inline const nlohmann::json& openapi() {
  static const nlohmann::json document = nlohmann::json::parse(openapi_document());
  return document;
}

// The node with its local $refs replaced by what they point at; OpenAPI-only annotations
// the validator does not take are dropped.
inline nlohmann::json resolved(const nlohmann::json& node, int depth = 0) {
  if (depth > 32) throw std::runtime_error("$ref chain too deep in openapi.json");
  if (node.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : node)
      out.push_back(resolved(item, depth + 1));
    return out;
  }
  if (!node.is_object()) return node;
  if (const auto ref = node.find("$ref"); ref != node.end()) {
    const std::string pointer = ref->get<std::string>();
    if (pointer.rfind("#/", 0) != 0) throw std::runtime_error("non-local $ref " + pointer);
    return resolved(openapi().at(nlohmann::json::json_pointer(pointer.substr(1))), depth + 1);
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : node.items()) {
    if (key == "contentMediaType") continue;
    out[key] = resolved(value, depth + 1);
  }
  return out;
}

// The JSON schema of `method path`'s response with `status`; throws when undocumented.
inline nlohmann::json response_schema(const std::string& method, const std::string& path,
                                      int status) {
  const auto& operation = openapi().at("paths").at(path).at(method);
  const auto responses = operation.at("responses");
  const std::string code = std::to_string(status);
  if (!responses.contains(code))
    throw std::runtime_error(method + " " + path + " does not document status " + code);
  const auto response = resolved(responses.at(code));
  return response.at("content").at("application/json").at("schema");
}

// "" when `body` is what the document promises, else the violations, one per line.
inline std::string schema_violations(const std::string& method, const std::string& path, int status,
                                     const nlohmann::json& body) {
  std::string out;
  for (const auto& violation : agent::validate_json(response_schema(method, path, status), body))
    out += (violation.path.empty() ? "(root)" : violation.path) + " " + violation.message + "\n";
  return out;
}

}  // namespace codriver::server::testing
