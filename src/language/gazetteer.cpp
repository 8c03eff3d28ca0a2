#include "language/gazetteer.h"

#include "language/gazetteer_index.h"

namespace codriver::language {

Gazetteer::Gazetteer() : index_(std::make_unique<Index>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

void Gazetteer::add(std::int64_t id, std::string_view name, std::string_view kind) {
  if (!index_) index_ = std::make_unique<Index>();  // a moved-from gazetteer starts again
  index_->add(id, name, kind);
}

std::size_t Gazetteer::size() const {
  return index_ ? index_->entries.size() : 0;
}

std::vector<GazetteerMatch> Gazetteer::lookup(std::string_view phrase, int limit,
                                              double min_score) const {
  if (!index_) return {};
  return index_->search(phrase, Index::SearchMode::kWholePhrase, limit, min_score);
}

std::vector<GazetteerMatch> Gazetteer::find_in(std::string_view sentence, int limit,
                                               double min_score) const {
  if (!index_) return {};
  return index_->search(sentence, Index::SearchMode::kInSentence, limit, min_score);
}

}  // namespace codriver::language
