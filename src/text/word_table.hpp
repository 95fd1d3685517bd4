#pragma once
// Folded words (and a value for each) looked up by the hash Tokens keeps for every token:
// a page's words are looked up without hashing them again. Word lists (stop words, the
// placeholder words, the "you"/"we" words of visitor-centric copy) are read for every word of
// every page, and hashing each word once more per list was ~1 % of a heavy page's audit.
// A hash only finds a word: the word itself is compared, so two words with one hash never mix.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "text/fold.hpp"
#include "text/tokens.hpp"

namespace amable::text {

template <class T>
class WordTable {
 public:
  // The value of `folded` (as Tokens::folded() gives words), added default-made when new.
  T& operator[](std::string_view folded) {
    const size_t h = word_hash(folded);
    auto it = m_first.find(h);
    if (it == m_first.end()) return m_first.emplace(h, Entry{std::string(folded), T{}}).first->second.value;
    if (it->second.word == folded) return it->second.value;
    for (auto& e : m_more)
      if (e.word == folded) return e.value;
    return m_more.emplace_back(Entry{std::string(folded), T{}}).value;
  }
  // The value of token `i` of `t`, or nullptr.
  const T* find(const Tokens& t, size_t i) const { return find(t.hash(i), t.folded(i)); }
  const T* find(std::string_view folded) const { return find(word_hash(folded), folded); }
  bool contains(const Tokens& t, size_t i) const { return find(t, i) != nullptr; }
  bool contains(std::string_view folded) const { return find(folded) != nullptr; }

 private:
  struct Entry {
    std::string word;
    T value;
  };
  struct KeepHash {
    size_t operator()(size_t h) const noexcept { return h; }
  };
  const T* find(size_t h, std::string_view folded) const {
    const auto it = m_first.find(h);
    if (it == m_first.end()) return nullptr;
    if (it->second.word == folded) return &it->second.value;
    for (const auto& e : m_more)  // a second word with the same hash: none in today's lists
      if (e.word == folded) return &e.value;
    return nullptr;
  }
  absl::flat_hash_map<size_t, Entry, KeepHash> m_first;  // the first word of each hash
  std::vector<Entry> m_more;                            // any later word with a hash already used
};

// A set of folded words.
class WordSet {
 public:
  // Lexicon lines, each folded as one word (text::fold).
  static WordSet of_lines(const std::vector<std::string>& lines) {
    WordSet s;
    for (const auto& l : lines) s.insert(fold(l));
    return s;
  }
  void insert(std::string_view folded) { m_table[folded] = true; }
  bool contains(const Tokens& t, size_t i) const { return m_table.contains(t, i); }
  bool contains(std::string_view folded) const { return m_table.contains(folded); }

 private:
  WordTable<bool> m_table;
};

}  // namespace amable::text
