// End-to-end delay of live signal data: from the moment the RSU publishes a SPaT on MQTT
// to the moment the co-driver's side has decoded it and can answer with it (the board
// holds it). A real Mosquitto broker on 127.0.0.1, started here.
//
//   build-bench/bench/spat_latency            # 1000 messages
//   CODRIVER_BENCH_MESSAGES=5000 build-bench/bench/spat_latency
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "latency_stats.h"
#include "map/bundle.h"
#include "signals/j2735_uper.h"
#include "signals/light_ahead.h"
#include "signals/spat_feed.h"
#include "support/mosquitto_broker.h"
#include "support/test_support.h"

int main() {
  using namespace codriver;
  codriver::testing::TempDir scratch;
  map::import_bundle(codriver::testing::shared_data("osm/nyc_greenwich_village.osm.pbf"), scratch / "nyc");
  const auto bundle = map::MapBundle::open(scratch / "nyc");
  const signals::RsuSimulator rsu(bundle.graph());
  codriver::testing::MosquittoBroker broker;
  const auto endpoint = feeds::parse_endpoint(broker.endpoint());
  signals::SpatBoard board;
  signals::SpatFeed feed(endpoint, board, "bench-reader");
  feeds::MqttClient publisher(endpoint, "bench-rsu");
  const char* count_text = std::getenv("CODRIVER_BENCH_MESSAGES");
  const int count = count_text != nullptr ? std::atoi(count_text) : 1000;
  const int id = rsu.intersections().front().intersection.id.id;
  std::vector<double> delays_ms;
  for (int i = 0; i < count; ++i) {
    const auto sent = feeds::Clock::now();
    signals::SpatMessage message;
    message.intersections.push_back(rsu.intersection_spat(0, sent));
    const auto bytes = signals::encode_j2735_uper(message);
    publisher.publish(signals::spat_topic(message.intersections.front().id),
                      std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    while (true) {
      const auto reading = board.latest(id);
      if (reading && reading->received_at >= sent) {
        delays_ms.push_back(std::chrono::duration<double, std::milli>(reading->received_at - sent).count());
        break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(20));
    }
  }
  const auto s = bench::stats_of(delays_ms);
  std::printf("%zu SPaT messages (one intersection, UPER, QoS 1) through Mosquitto on 127.0.0.1:\n"
              "publish -> decoded on the board: median %.3f ms, p99 %.3f ms, mean %.3f ms; "
              "rejected %zu\n",
              s.count, s.median, s.p99, s.mean, feed.rejected());
}
