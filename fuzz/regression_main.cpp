// Replays fuzz inputs through a libFuzzer target without libFuzzer, so that the
// corpus runs as an ordinary test in any build (gcc included):
//
//   graph_reader_regression DIR_OR_FILE...
//
// Every regular file under each directory (recursively, in sorted order) is handed
// to LLVMFuzzerTestOneInput once. A crash, a sanitizer report or an escaping
// exception fails the run; so does finding no inputs at all, so that a wrong path
// cannot pass silently.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> inputs_of(const fs::path& argument) {
  std::vector<fs::path> files;
  if (fs::is_directory(argument)) {
    for (const auto& entry : fs::recursive_directory_iterator(argument)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(argument)) {
    files.push_back(argument);
  } else {
    throw std::runtime_error(argument.string() + " is neither a file nor a directory");
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " CORPUS_DIR_OR_FILE...\n";
    return 2;
  }
  std::size_t count = 0;
  std::size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::vector<fs::path> files;
    try {
      files = inputs_of(argv[i]);
    } catch (const std::exception& error) {
      std::cerr << error.what() << "\n";
      return 2;
    }
    for (const fs::path& file : files) {
      const std::vector<std::uint8_t> input = read_file(file);
      // Printed first, so that the input that crashes is the last one named.
      std::cout << "running " << file.string() << " (" << input.size() << " bytes)\n" << std::flush;
      LLVMFuzzerTestOneInput(input.data(), input.size());
      ++count;
      bytes += input.size();
    }
  }
  if (count == 0) {
    std::cerr << "no inputs found\n";
    return 1;
  }
  std::cout << "ok: " << count << " inputs, " << bytes << " bytes\n";
  return 0;
}
