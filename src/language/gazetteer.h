#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// The names on the map (places, streets) as the driver says them: any case, with or without
// accents, with a typo, in another word order, only partly, in Traditional or Simplified
// characters, or as pinyin typed in Latin letters.
namespace codriver::language {

struct GazetteerMatch {
  std::int64_t id;                 // the caller's id for the named thing
  std::string name;                // the name as added (original spelling)
  std::string kind;                // caller's kind: "place", "street", ...
  double score;                    // 0..1; 1 = exact after folding
  std::size_t begin = 0, end = 0;  // span in the text given to find_in (bytes)
};

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // Many names per id are fine (name, name:en, name:zh): a thing is its (id, kind), and a
  // search reports it once, with the name that matched best. A name with nothing to match
  // on (only punctuation or emoji) is ignored. Not to be called while searches run.
  // Searches (const) may run concurrently with each other.
  void add(std::int64_t id, std::string_view name, std::string_view kind);
  // How many names were added.
  std::size_t size() const;

  // Best things for a phrase meant to be a whole name ("casino", "monte carlo casino",
  // "賭場"), best first, score >= min_score; begin/end span the matched part of the phrase.
  // Only the phrase's first 64 words count.
  std::vector<GazetteerMatch> lookup(std::string_view phrase, int limit = 5,
                                     double min_score = 0.6) const;

  // Names that occur inside a sentence ("please take me to the casino de monte carlo now"),
  // with their spans, best first, non-overlapping. Only the first 1024 words count.
  std::vector<GazetteerMatch> find_in(std::string_view sentence, int limit = 5,
                                      double min_score = 0.75) const;

 private:
  struct Index;
  std::unique_ptr<Index> index_;
};

}  // namespace codriver::language
