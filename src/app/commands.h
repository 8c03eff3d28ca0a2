#pragma once

#include <filesystem>

namespace CLI {
class App;
}

// Each subcommand of the `codriver` binary registers its options and its action.
namespace codriver::app {

void add_import_command(CLI::App& app);
void add_info_command(CLI::App& app);
void add_prepare_command(CLI::App& app);
void add_route_command(CLI::App& app);
void add_matrix_command(CLI::App& app);
void add_places_command(CLI::App& app);
void add_parking_command(CLI::App& app);
void add_simulate_command(CLI::App& app);
void add_signals_command(CLI::App& app);
void add_assistant_commands(CLI::App& app);
void add_listen_command(CLI::App& app);
void add_llm_command(CLI::App& app);
void add_serve_command(CLI::App& app);

}  // namespace codriver::app
