#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "app/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"codriver: an in-car AI co-driver (map, routing, places, signals, assistant)"};
  app.require_subcommand(1);
  codriver::app::add_import_command(app);
  codriver::app::add_info_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  } catch (const std::exception& error) {
    std::cerr << "codriver: error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
