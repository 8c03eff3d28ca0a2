// The web HMI's files, served from the web root and nowhere else.

#include "server/cockpit_server_impl.h"

namespace codriver::server {

void CockpitServer::Impl::install_web() {
  if (options.web_root.empty()) return;
  for (const auto& [extension, type] : std::initializer_list<std::pair<const char*, const char*>>{
           {"html", "text/html; charset=utf-8"},
           {"js", "text/javascript; charset=utf-8"},
           {"mjs", "text/javascript; charset=utf-8"},
           {"css", "text/css; charset=utf-8"},
           {"json", "application/json; charset=utf-8"},
           {"svg", "image/svg+xml"},
           {"png", "image/png"},
           {"ico", "image/x-icon"},
           {"wav", "audio/wav"},
           {"webmanifest", "application/manifest+json"}}) {
    http.set_file_extension_and_mimetype_mapping(extension, type);
  }
  // httplib refuses paths that climb out of the mount ("..") before it opens anything; the
  // policy keeps the page to its own origin: no script, style or connection elsewhere.
  http.set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; media-src 'self' data: blob:; "
                   "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; "
                   "frame-ancestors 'none'");
    res.set_header("Cache-Control", "no-cache");
  });
  http.set_mount_point("/", options.web_root.string());
}

}  // namespace codriver::server
