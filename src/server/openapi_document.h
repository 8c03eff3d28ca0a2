#pragma once

#include <string_view>

// The OpenAPI 3.1 document of the cockpit API (src/server/openapi.json, built in).
namespace codriver::server {

std::string_view openapi_document();

}  // namespace codriver::server
