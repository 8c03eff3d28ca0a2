// libFuzzer target for MapBundle::open and MapBundle::summary (src/map/bundle.h),
// driven by the bundle.json manifest.
//
// The data files are fixed (bundle_fixture.h: a valid two-node graph.bin and a
// one-place places.sqlite, written once into a private temporary directory); each
// input becomes that bundle's bundle.json. MapBundle promises to throw BundleError,
// with a message naming the problem, for any bundle it cannot use; so only
// BundleError is caught, and any other exception (a stray nlohmann::json error, a
// std::invalid_argument, ...) escapes and is a finding, as is any crash.
//
// Each input writes a file, so this runs slower than the pure in-memory graph target.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "bundle_fixture.h"
#include "map/bundle.h"
#include "map/errors.h"

namespace {

namespace fs = std::filesystem;
using codriver::map::BundleError;
using codriver::map::MapBundle;
using codriver::map::Verify;

constexpr const char* kScratchPrefix = "codriver_manifest_fuzz_";

// A crash (the point of fuzzing) skips the destructor below, so each run first
// removes the scratch directories of processes that no longer exist.
void remove_stale_scratch() {
  std::error_code error;
  for (fs::directory_iterator it(fs::temp_directory_path(), error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kScratchPrefix, 0) != 0) continue;
    const std::string pid_text = name.substr(std::string(kScratchPrefix).size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(pid_text));
    if (::kill(pid, 0) == -1 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

class ScratchBundle {
 public:
  ScratchBundle()
      : dir_(fs::temp_directory_path() / (kScratchPrefix + std::to_string(::getpid()))) {
    remove_stale_scratch();
    codriver::fuzz::write_fixture_files(dir_);
  }
  ~ScratchBundle() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

volatile std::int64_t observed = 0;

void open_and_summarise(const fs::path& dir, Verify verify) {
  try {
    const MapBundle bundle = MapBundle::open(dir, verify);
    const auto summary = bundle.summary();
    observed = observed + summary.nodes + summary.edges + summary.format_version +
               static_cast<std::int64_t>(summary.source_file.size()) + summary.source_bytes +
               static_cast<std::int64_t>(summary.places.size()) +
               static_cast<std::int64_t>(bundle.graph().edge_count());
  } catch (const BundleError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ScratchBundle scratch;
  {
    std::ofstream out(scratch.dir() / codriver::map::kManifestFile,
                      std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  open_and_summarise(scratch.dir(), Verify::kStructure);
  open_and_summarise(scratch.dir(), Verify::kStructureAndChecksums);
  return 0;
}
