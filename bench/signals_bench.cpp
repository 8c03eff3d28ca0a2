// Decoding throughput of the SPaT/MAP decoders, in messages per second, on the real
// samples of ../shared/data/spat_map: the same SPaT and the same MAP as J2735 UPER and as
// ODE JSON (the JSON parse included, as a feed consumer pays it), plus the UPER encoder.
//
//   build/bench/signals_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

#include "signals/hex.h"
#include "signals/iso_time.h"
#include "signals/j2735_json.h"
#include "signals/j2735_uper.h"
#include "signals/json_reader.h"

namespace {

using namespace codriver::signals;

std::string sample(const std::string& name) {
  std::ifstream in(std::string(CODRIVER_SHARED_DATA) + "/spat_map/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const Instant kReference = *parse_iso8601("2024-12-10T17:34:40.359Z");

void count(benchmark::State& state, std::size_t bytes) {
  state.counters["msgs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void uper_decode(benchmark::State& state, const char* file) {
  const std::vector<std::uint8_t> bytes = *bytes_from_hex(sample(file));
  for (auto _ : state)
    benchmark::DoNotOptimize(decode_j2735_uper(bytes, kReference));
  count(state, bytes.size());
}

void ode_json_decode(benchmark::State& state, const char* file) {
  const std::string text = sample(file);
  DecodeOptions options;
  options.reference = kReference;
  for (auto _ : state) {
    benchmark::DoNotOptimize(decode_ode_json(json_input::parse(text, "JSON"), options));
  }
  count(state, text.size());
}

void uper_encode(benchmark::State& state, const char* file) {
  const std::vector<std::uint8_t> bytes = *bytes_from_hex(sample(file));
  const SignalMessage message = decode_j2735_uper(bytes, kReference);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        std::visit([](const auto& m) { return encode_j2735_uper(m); }, message));
  }
  count(state, bytes.size());
}

BENCHMARK_CAPTURE(uper_decode, spat_59B, "spat_12111_uper.hex");
BENCHMARK_CAPTURE(uper_decode, map_965B, "map_uper.hex");
BENCHMARK_CAPTURE(ode_json_decode, spat, "ode_expected-spat.json");
BENCHMARK_CAPTURE(ode_json_decode, map, "ode_expected-map.json");
BENCHMARK_CAPTURE(uper_encode, spat, "spat_12111_uper.hex");
BENCHMARK_CAPTURE(uper_encode, map, "map_uper.hex");

}  // namespace

BENCHMARK_MAIN();
