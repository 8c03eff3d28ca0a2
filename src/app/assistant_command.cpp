#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "agent/agent.h"
#include "app/commands.h"
#include "app/model_flags.h"
#include "app/routing_session.h"

// `codriver ask` (one utterance) and `codriver chat` (a conversation with a simulated car).
namespace codriver::app {
namespace {

struct AssistantOptions {
  std::filesystem::path map;
  std::filesystem::path memory = ":memory:";
  std::string at, lang = "auto";
  double heading = 0, speed_kmh = 0, soc_percent = 80;
  bool json = false;
  std::string text;
  ModelFlags models;  // the chat models behind the parser (all optional)
};

// The flags over the car the agent starts with (on the map, see AgentWorld).
agent::CarState car_of(const AssistantOptions& o, agent::CarState car) {
  if (!o.at.empty()) {
    const geo::LatLon at = parse_lat_lon(o.at);
    car.lat = at.lat;
    car.lon = at.lon;
  }
  car.heading_deg = o.heading;
  car.speed_kmh = o.speed_kmh;
  car.soc_percent = o.soc_percent;
  return car;
}

std::optional<routing::Language> forced_language(const std::string& code) {
  if (code == "zh") return routing::Language::kChinese;
  if (code == "en") return routing::Language::kEnglish;
  return std::nullopt;
}

void print(const agent::Answer& answer, bool as_json) {
  if (as_json) {
    std::cout << agent::to_json(answer).dump() << "\n";
    return;
  }
  std::cout << answer.speech << "\n";
  for (std::size_t i = 0; i < answer.cards.size() && i < 5; ++i) {
    const auto& card = answer.cards[i];
    if (card.contains("name"))
      std::cout << "  " << i + 1 << ". " << card["name"].get<std::string>() << "\n";
  }
}

agent::Agent open_agent(const AssistantOptions& o) {
  agent::Agent agent({o.map, o.memory});
  agent.set_car(car_of(o, agent.state().car));
  agent.set_models(models_of(o.models));
  return agent;
}

void run_ask(const AssistantOptions& o) {
  agent::Agent agent = open_agent(o);
  print(agent.ask(o.text, forced_language(o.lang)), o.json);
}

// The simulated car drives the active route in real time between turns; `/drive N`
// jumps N seconds ahead.
void run_chat(const AssistantOptions& o) {
  agent::Agent agent = open_agent(o);
  const agent::CarState start = agent.state().car;
  // The on-device model reads the rules and tools while the driver thinks of a request.
  std::future<void> prepared;
  if (!o.models.model.empty()) {
    prepared = std::async(std::launch::async, [&agent] {
      try {
        agent.prepare_models();
      } catch (const std::exception& error) {
        std::cerr << "codriver: " << error.what() << "\n";
      }
    });
  }
  std::cout << "codriver chat: say something (en or 中文); /state, /drive SECONDS, /reset, /quit\n"
            << std::flush;
  std::string line;
  auto last_turn = std::chrono::steady_clock::now();
  while (std::cout << "> " << std::flush, std::getline(std::cin, line)) {
    const auto now = std::chrono::steady_clock::now();
    agent.advance(std::chrono::duration<double>(now - last_turn).count());
    last_turn = now;
    if (line == "/quit" || line == "/exit") break;
    if (line.rfind("/drive", 0) == 0) {
      double seconds = 60;
      try {
        if (line.size() > 7) seconds = std::stod(line.substr(7));
      } catch (const std::exception&) {
        std::cout << "usage: /drive SECONDS\n";
        continue;
      }
      agent.advance(std::clamp(seconds, 0.0, 3600.0));
      const auto& car = agent.state().car;
      std::cout << "(drove " << seconds << " s: now at " << car.lat << "," << car.lon << ", "
                << car.speed_kmh << " km/h" << (agent.state().route ? "" : ", no active route")
                << ")\n";
      continue;
    }
    if (line == "/state") {
      nlohmann::json state = agent::to_json(agent.state());
      state["memory"] = agent.memory().summary();
      std::cout << state.dump(2) << "\n";
      continue;
    }
    if (line == "/reset") {
      agent.reset();
      agent.set_car(start);
      std::cout << "(conversation reset)\n";
      continue;
    }
    if (line.empty()) continue;
    print(agent.ask(line, forced_language(o.lang)), o.json);
  }
}

void add_common_options(CLI::App* command, AssistantOptions& o) {
  command->add_option("--map", o.map, "map bundle")->required();
  command->add_option("--memory", o.memory,
                      "SQLite file for the driver's memory (default: in memory only)");
  command->add_option("--at", o.at,
                      "the car's position, LAT,LON (default: the sample city's centre)");
  command->add_option("--heading", o.heading, "the car's heading, degrees");
  command
      ->add_option("--speed", o.speed_kmh,
                   "the car's speed, km/h (navigation changes need a yes above 0)")
      ->check(CLI::Range(0.0, 300.0));
  command->add_option("--soc", o.soc_percent, "battery charge, percent")
      ->check(CLI::Range(0.0, 100.0));
  command->add_option("--lang", o.lang, "auto (default), zh or en")
      ->check(CLI::IsMember({"auto", "zh", "en"}));
  command->add_flag("--json", o.json, "print the answer as JSON (with the path that answered)");
  add_model_flags(command, o.models);
}

}  // namespace

void add_assistant_commands(CLI::App& app) {
  auto ask = std::make_shared<AssistantOptions>();
  CLI::App* ask_command =
      app.add_subcommand("ask", "Ask the co-driver one thing, in English or Chinese");
  add_common_options(ask_command, *ask);
  ask_command->add_option("text", ask->text, "what the driver says")->required();
  ask_command->callback([ask] { run_ask(*ask); });

  auto tools = std::make_shared<AssistantOptions>();
  CLI::App* tools_command =
      app.add_subcommand("tools", "Print the co-driver's tools as an OpenAI-style `tools` array");
  tools_command->add_option("--map", tools->map, "map bundle")->required();
  tools_command->add_option("--lang", tools->lang, "descriptions in en (default) or zh")
      ->check(CLI::IsMember({"auto", "zh", "en"}));
  tools_command->callback([tools] {
    agent::Agent agent = open_agent(*tools);
    const auto language = forced_language(tools->lang).value_or(routing::Language::kEnglish);
    std::cout << agent.tools().openai_tools(language).dump(2) << "\n";
  });

  auto chat = std::make_shared<AssistantOptions>();
  CLI::App* chat_command =
      app.add_subcommand("chat", "A conversation with the co-driver in a simulated car");
  add_common_options(chat_command, *chat);
  chat_command->callback([chat] { run_chat(*chat); });
}

}  // namespace codriver::app
