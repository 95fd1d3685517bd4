#include "text/phrase_index.hpp"

#include <limits>
#include <stdexcept>

#include "text/lexicon.hpp"
#include "text/tokens.hpp"

namespace amable::text {

void PhraseIndex::enrol(PhraseSet& set) {
  if (m_finished) throw std::logic_error("PhraseIndex::enrol after finish");
  if (m_sets >= std::numeric_limits<uint16_t>::max()) throw std::length_error("PhraseIndex: too many phrase sets");
  const auto number = static_cast<uint16_t>(m_sets++);
  if (m_always.size() * 64 < m_sets) m_always.resize(m_always.size() + 1, 0);
  set.m_index = this;
  set.m_number = number;
  // A list of thousands (the given names) would fill most of the table for one set, and every
  // probe would miss the cache: such a set is always tried, by its own filter, as without an
  // index. The other sets hold at most a few hundred phrases.
  if (set.size() > k_most_phrases) {
    m_always[number / 64] |= uint64_t{1} << (number % 64);
    return;
  }
  // The same tests PhraseSet::match_here() makes before it compares a word: the hash of an
  // exact phrase's first word, and the first two folded bytes of a stem phrase's first word.
  for (const auto& [hash, entries] : set.m_exact_by_first) m_building_words[hash].push_back(number);
  bool always = false;
  for (const auto& stems : set.m_stemmed) {
    always = always || stems.short_words;
    for (size_t p = stems.prefixes._Find_first(); p < stems.prefixes.size(); p = stems.prefixes._Find_next(p)) {
      auto& numbers = m_building_prefixes[p];
      if (numbers.empty() || numbers.back() != number) numbers.push_back(number);
    }
  }
  if (always) m_always[number / 64] |= uint64_t{1} << (number % 64);
}

void PhraseIndex::finish() {
  m_by_word.build(m_building_words);
  m_by_prefix.build(m_building_prefixes);
  for (const auto& [hash, numbers] : m_building_words) m_word_filter.set(word_bit(hash));
  for (const auto& [prefix, numbers] : m_building_prefixes) m_prefix_filter.set(static_cast<size_t>(prefix));
  m_building_words = {};
  m_building_prefixes = {};
  m_always.resize((m_sets + 63) / 64, 0);
  m_finished = true;
}

bool PhraseIndex::may_match(const PhraseSet& set, const Tokens& t) const { return may_match(set.m_number, t); }

void PhraseIndex::mark(const Tokens& t) const {
  auto& bits = t.m_marks.bits;
  bits.assign(m_always.begin(), m_always.end());
  auto set_all = [&](std::span<const uint16_t> numbers) {
    for (const uint16_t n : numbers) bits[n / 64] |= uint64_t{1} << (n % 64);
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const size_t hash = t.hash(i);
    if (m_word_filter.test(word_bit(hash))) set_all(m_by_word.find(hash));
    const std::string_view folded = t.folded(i);
    if (folded.size() < 2) continue;
    const size_t prefix = static_cast<size_t>(static_cast<unsigned char>(folded[0])) << 8 | static_cast<unsigned char>(folded[1]);
    if (m_prefix_filter.test(prefix)) set_all(m_by_prefix.find(prefix));
  }
  t.m_marks.index = this;
}

void PhraseIndex::SetsByKey::build(const std::unordered_map<uint64_t, std::vector<uint16_t>>& from) {
  m_runs.clear();
  m_numbers.clear();
  m_runs.reserve(from.size());
  for (const auto& [key, numbers] : from) {
    m_runs.emplace(key, Run{static_cast<uint32_t>(m_numbers.size()), static_cast<uint32_t>(numbers.size())});
    m_numbers.insert(m_numbers.end(), numbers.begin(), numbers.end());
  }
}

std::span<const uint16_t> PhraseIndex::SetsByKey::find(uint64_t key) const {
  const auto it = m_runs.find(key);
  if (it == m_runs.end()) return {};
  return {m_numbers.data() + it->second.begin, it->second.count};
}

}  // namespace amable::text
