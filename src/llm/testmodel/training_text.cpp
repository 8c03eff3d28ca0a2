#include "llm/testmodel/training_text.h"

namespace codriver::llm::testmodel {

std::string_view bpe_training_text() {
  static constexpr std::string_view kText = R"TEXT(
The driver asked the assistant to find a parking garage near the station. The assistant
found three garages within two kilometres and said that the nearest one had forty free
spaces. The traffic light ahead will turn green in twelve seconds, so there is no need to
brake hard. Please keep a safe distance from the car in front of you.
In the tunnel there is no network, but the assistant still works because the model runs
on the car's own computer. It can read the map, plan a route, and answer questions about
the places along the way. When the battery is low, it looks for a charging station that is
open now and has a free charger. The route through the city centre is shorter, but the
ring road is faster at this time of the day.
What is the weather like tomorrow? Where is the nearest petrol station? How long does it
take to drive to the airport? Is the restaurant on the left still open? I would like to
listen to the news. Turn left at the next junction, then continue straight for three
hundred metres. You have arrived at your destination. The destination is on your right.
Thank you for driving with me. Let me know if you need anything else. I'm sure you'll
like it; they've opened a new cafe and it's really good. We don't have time, so let's go.
The quick brown fox jumps over the lazy dog while the engine is running quietly.
Numbers: 1, 2, 3, 10, 25, 100, 2024, 3.14, 42 km, 120 km/h, 08:30, 17:45, 50%.

前方路口请左转，然后直行三百米。您已到达目的地，目的地在您的右侧。
请帮我找一个附近的停车场。附近有三个停车场，最近的一个还有四十个空车位。
前面的红绿灯十二秒后变绿，不需要急刹车。请与前车保持安全距离。
在隧道里没有网络，但是助手仍然可以工作，因为模型运行在车上的电脑里。
它可以读取地图，规划路线，并回答沿途地点的问题。电量低的时候，它会寻找一个现在营业
并且有空闲充电桩的充电站。明天的天气怎么样？最近的加油站在哪里？去机场需要多长时间？
左边的餐厅还开着吗？我想听新闻。谢谢您和我一起驾驶。如果您还需要什么，请告诉我。
我们的车速是每小时一百二十公里。今天是二零二四年。导航到北京南站。打开空调，温度调到二十二度。
你好，世界！你好，我是你的驾驶助手。中文和English混合的句子也很常见，比如导航到Central Station。

<|im_start|>system
You are a helpful in-car assistant.<|im_end|>
<|im_start|>user
Find a charging station near me.<|im_end|>
<|im_start|>assistant
<tool_call>
{"name": "find_places", "arguments": {"category": "charging_station", "radius_km": 5, "open_now": true}}
</tool_call><|im_end|>
{"name": "plan_route", "arguments": {"destination": "airport", "avoid": ["tolls", "ferries"]}}
{"name": "set_temperature", "arguments": {"celsius": 22}}
{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object",
"properties": {"city": {"type": "string"}, "days": {"type": "integer"}}, "required": ["city"]}}}

def route_length(points):
    total = 0.0
    for a, b in zip(points, points[1:]):
        total += distance(a, b)
    return total

int main(int argc, char** argv) {
  for (int i = 0; i < argc; ++i) {
    std::cout << argv[i] << "\n";
  }
  return 0;
}
)TEXT";
  return kText;
}

}  // namespace codriver::llm::testmodel
