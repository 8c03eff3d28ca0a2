#pragma once

namespace CLI {
class App;
}

// `codriver signals --map B --at LAT,LON --heading DEG [--to LAT,LON] [--time ISO8601]
// [--speed KMH] [--mqtt HOST:PORT] [--lang en|zh] [--json]`: the light ahead, when it
// changes and the speed advice. Options and action go on the `signals` command itself.
namespace codriver::app {

void add_light_ahead_options(CLI::App& signals_command);

}  // namespace codriver::app
