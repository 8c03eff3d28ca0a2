#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "app/commands.h"
#include "routing/routing_error.h"

int main(int argc, char** argv) {
  CLI::App app{"codriver: an in-car AI co-driver (map, routing, places, signals, assistant)"};
  app.require_subcommand(1);
  codriver::app::add_import_command(app);
  codriver::app::add_info_command(app);
  codriver::app::add_prepare_command(app);
  codriver::app::add_route_command(app);
  codriver::app::add_matrix_command(app);
  codriver::app::add_places_command(app);
  codriver::app::add_parking_command(app);
  codriver::app::add_simulate_command(app);
  codriver::app::add_signals_command(app);
  codriver::app::add_assistant_commands(app);
  codriver::app::add_listen_command(app);
  codriver::app::add_llm_command(app);
  codriver::app::add_serve_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  } catch (const codriver::routing::RoutingError& error) {
    std::cerr << "codriver: error (" << error.code_name() << "): " << error.what() << "\n"
              << "codriver: 错误：" << error.message_zh() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "codriver: error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
