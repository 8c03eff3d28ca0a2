// The JSON endpoints of the cockpit API (see openapi.json).

#include "server/cockpit_server_impl.h"
#include "server/http_error.h"
#include "server/openapi_document.h"
#include "server/request_values.h"

namespace codriver::server {
namespace {

using nlohmann::json;

std::string dumped(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void check_json_content_type(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  if (!type.empty() && type.rfind("application/json", 0) != 0) {
    throw HttpError(415, "unsupported_media_type",
                    "Send the request as application/json, not " + type + ".",
                    "请以 application/json 格式发送请求。");
  }
}

PlacesRequest places_request(const httplib::Request& req) {
  check_parameters(req,
                   {"category", "cuisine", "q", "near", "radius_m", "limit", "open_now", "lang"});
  PlacesRequest request;
  if (const auto category = parameter(req, "category"))
    request.categories = text_value("category", category, 200);
  request.cuisine = text_value("cuisine", parameter(req, "cuisine"), 60);
  request.name = text_value("q", parameter(req, "q"), 200);
  request.near = lat_lon_value("near", parameter(req, "near"));
  request.radius_m = number_value("radius_m", parameter(req, "radius_m"), 1500, 1, 50000);
  request.limit = integer_value("limit", parameter(req, "limit"), 10, 1, 50);
  request.open_now = boolean_value("open_now", parameter(req, "open_now"), false);
  request.language = language_value(parameter(req, "lang"));
  return request;
}

ParkingRequest parking_request(const httplib::Request& req) {
  check_parameters(req, {"near", "max_walk_m", "covered", "free", "limit", "lang"});
  ParkingRequest request;
  request.near = lat_lon_value("near", parameter(req, "near"));
  request.max_walk_m = number_value("max_walk_m", parameter(req, "max_walk_m"), 1000, 1, 5000);
  request.covered = boolean_value("covered", parameter(req, "covered"), false);
  request.free_only = boolean_value("free", parameter(req, "free"), false);
  request.limit = integer_value("limit", parameter(req, "limit"), 5, 1, 50);
  request.language = language_value(parameter(req, "lang"));
  return request;
}

}  // namespace

void CockpitServer::Impl::install_api() {
  using Req = httplib::Request;
  using Res = httplib::Response;
  http.Get("/openapi.json", [](const Req&, Res& res) {
    res.set_content(std::string(openapi_document()), "application/json; charset=utf-8");
  });
  http.Get("/v1/health", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] {
      check_parameters(req, {});
      send_json(res, dumped({{"ok", !stopping},
                             {"version", CODRIVER_VERSION},
                             {"map", cockpit.map_name()},
                             {"sessions", events.subscribers()},
                             {"max_sessions", events.max_subscribers()}}));
    });
  });
  http.Post("/v1/ask", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] {
      check_json_content_type(req);  // before the parameters: a form body would fill them
      check_parameters(req, {});
      check_body_size(req, options.max_json_bytes);
      send_json(res, dumped(cockpit.ask(parse_ask_request(req.body))));
    });
  });
  http.Get("/v1/vehicle", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] {
      check_parameters(req, {});
      send_json(res, dumped(cockpit.vehicle()));
    });
  });
  http.Get("/v1/route", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] {
      check_parameters(req, {"lang"});
      send_json(res, dumped(cockpit.route(language_value(parameter(req, "lang")))));
    });
  });
  http.Get("/v1/signals", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] {
      check_parameters(req, {"lang"});
      send_json(res, dumped(cockpit.signals(language_value(parameter(req, "lang")))));
    });
  });
  http.Get("/v1/places", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] { send_json(res, dumped(cockpit.places(places_request(req)))); });
  });
  http.Get("/v1/parking", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] { send_json(res, dumped(cockpit.parking(parking_request(req)))); });
  });
  http.Get("/v1/map", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] {
      check_parameters(req, {"bbox"});
      const auto box = bbox_value("bbox", parameter(req, "bbox"));
      res.set_header("Cache-Control", "max-age=3600");
      // Plain "application/json" (JSON is UTF-8 by definition): the type httplib compresses
      // for clients that accept it. The map is the one large answer (0.5 MB for Monaco,
      // about a tenth of that compressed); the small ones are not worth the CPU.
      res.set_content(box ? cockpit.map_geometry_within(*box) : cockpit.map_geometry(),
                      "application/json");
    });
  });
  http.Post("/v1/session/reset", [this](const Req& req, Res& res) {
    answer_guarded(res, [&] {
      check_parameters(req, {});
      check_body_size(req, options.max_json_bytes);
      cockpit.reset();
      send_json(res, dumped({{"ok", true}}));
    });
  });
}

}  // namespace codriver::server
