#include "agent/tools.h"
#include "places/cuisine.h"

namespace codriver::agent {
namespace {

using nlohmann::json;

ToolResult save_place(AgentWorld& world, const std::string& label, const json& arguments) {
  SavedPlace saved{label, "", 0, 0, std::nullopt};
  const std::string value = arguments.value("value", "here");
  if (arguments.contains("place_id")) {
    auto place =
        world.place_by_id(arguments["place_id"].get<std::int64_t>(), world.dialog.last_language);
    if (!place) return tool_error("That place is not on this map.", "地图上没有这个地方。");
    saved = {label, place->name, place->position.lat, place->position.lon, place->place_id};
  } else if (value == "here") {
    saved = {label, label == "home" ? "Home" : "Work", world.dialog.car.lat, world.dialog.car.lon,
             std::nullopt};
  } else if (auto place = world.find_named_place(value)) {
    saved = {label, place->name, place->position.lat, place->position.lon, place->place_id};
  } else {
    return tool_error("I couldn't find \"" + value + "\" on the map.",
                      "地图上找不到“" + value + "”。");
  }
  world.memory().set_saved_place(saved);
  const std::string zh_label = label == "home" ? "家" : "公司";
  return spoken_result({{"saved", label}, {"name", saved.name}},
                       "Saved " + saved.name + " as " + label + ".",
                       "已把" + saved.name + "设为" + zh_label + "。");
}

ToolResult set_preference(AgentWorld& world, const json& arguments) {
  const std::string key = arguments["key"];
  const std::string value = arguments.value("value", "");
  Memory& memory = world.memory();
  if (key == "home" || key == "work") return save_place(world, key, arguments);
  if (key == "liked_cuisine" || key == "disliked_cuisine") {
    const places::Cuisine* cuisine = places::find_cuisine(value);
    if (cuisine == nullptr)
      return tool_error("I don't know the cuisine \"" + value + "\".", "我不认识这个菜系。");
    const bool likes = key == "liked_cuisine";
    likes ? memory.like_cuisine(cuisine->key) : memory.dislike_cuisine(cuisine->key);
    const std::string en(cuisine->label_en), zh(cuisine->label_zh);
    return spoken_result(
        {{"key", key}, {"value", cuisine->key}},
        likes ? "Noted: you like " + en + "." : "Noted: no more " + en + " suggestions first.",
        likes ? "记住了，您喜欢" + zh + "。" : "记住了，以后少推荐" + zh + "。");
  }
  if (key == "parking") {
    memory.set_parking_preference(value, true);
    return spoken_result({{"key", key}, {"value", value}},
                         "Noted: you prefer " + value + " parking.",
                         "记住了，您偏好" + value + "停车场。");
  }
  if (key == "avoid_place") {
    std::optional<ResolvedPlace> place;
    if (arguments.contains("place_id")) {
      place =
          world.place_by_id(arguments["place_id"].get<std::int64_t>(), world.dialog.last_language);
    } else {
      place = world.find_named_place(value);
    }
    if (!place || !place->place_id)
      return tool_error("I couldn't find that place.", "找不到这个地方。");
    memory.avoid_place(*place->place_id, place->name);
    return spoken_result({{"key", key}, {"place_id", *place->place_id}},
                         "I won't suggest " + place->name + " again.",
                         "以后不再推荐" + place->name + "。");
  }
  memory.set_setting("language", value);
  return spoken_result({{"key", key}, {"value", value}}, "I'll speak English.",
                       "好的，我会说中文。");
}

ToolResult forget_me(AgentWorld& world) {
  world.memory().forget_everything();
  world.dialog.reset_conversation();
  return spoken_result({{"forgotten", true}}, "Done: I've deleted everything I knew about you.",
                       "已删除关于您的全部数据。");
}

}  // namespace

void add_memory_tools(ToolRegistry& registry, AgentWorld& world) {
  registry.add({"set_preference",
                "Remember a preference: liked or disliked cuisine, home, work, parking, a place to "
                "avoid, the language.",
                "记住偏好：喜欢或不喜欢的菜系、家、公司、停车偏好、不想去的地方、语言。",
                {{"type", "object"},
                 {"properties",
                  {{"key",
                    {{"type", "string"},
                     {"enum",
                      {"liked_cuisine", "disliked_cuisine", "home", "work", "parking",
                       "avoid_place", "language"}}}},
                   {"value", {{"type", "string"}, {"maxLength", 200}}},
                   {"place_id", {{"type", "integer"}, {"minimum", 1}}}}},
                 {"required", {"key"}},
                 {"additionalProperties", false}},
                false,
                false,
                [&world](const json& a) { return set_preference(world, a); }});
  registry.add(
      {"forget_me",
       "Delete everything remembered about the driver: preferences, places, history.",
       "删除关于驾驶员的全部记忆：偏好、地点、历史。",
       {{"type", "object"}, {"properties", json::object()}, {"additionalProperties", false}},
       false,
       true,
       [&world](const json&) { return forget_me(world); }});
}

ToolRegistry make_tool_registry(AgentWorld& world) {
  ToolRegistry registry;
  add_navigation_tools(registry, world);
  add_search_tools(registry, world);
  add_status_tools(registry, world);
  add_memory_tools(registry, world);
  return registry;
}

}  // namespace codriver::agent
