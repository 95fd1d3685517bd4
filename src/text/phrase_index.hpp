#pragma once
// Which phrase sets can match anywhere in a text, for every set of the lexicons at once.
//
// A block of a page is asked about by a hundred phrase sets (labels, days, refund words, ...),
// and each used to walk all of the block's tokens testing its own filter: tokens × sets tests,
// the largest cost of an audit outside the parse. The index maps each first word of every
// set's phrases (its hash, as Tokens keeps it) and each first two folded bytes of a stem
// phrase to the sets that hold it; one pass over a text's tokens then marks, in one bit a set,
// which sets may match there, and a set whose bit is clear answers "no" without reading a
// token. A set bit proves nothing: the set's own match does the work, exactly as without the
// index, so the index changes no answer (tests/text/test_phrase_index.cpp checks that).
//
// The lexicon registry builds one index over all its sets; a PhraseSet made elsewhere (a test)
// has none and always scans.
#include <bitset>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "text/tokens.hpp"

namespace amable::text {

class PhraseSet;

class PhraseIndex {
 public:
  // Adds `set` (as it is now: add no phrases to it afterwards) and points it at this index,
  // which must outlive it. Before finish().
  void enrol(PhraseSet& set);
  // Freezes the index: after this, may_match() answers and enrol() may not be called.
  void finish();
  size_t sets() const { return m_sets; }

  // False when no phrase of `set` can start at any token of `t`. The first question about a
  // text is answered "may" without looking (a text asked about once is cheaper scanned by
  // its one set); from the second on, the text's marks are made once and read.
  bool may_match(const PhraseSet& set, const Tokens& t) const;
  // The same for the set enrolled as `number`: inline, asked for every phrase set and text.
  bool may_match(uint16_t number, const Tokens& t) const {
    auto& marks = t.m_marks;
    if (marks.index != this) [[unlikely]] {
      if (!m_finished || ++marks.questions < 2) return true;
      mark(t);
    }
    return (marks.bits[number / 64] >> (number % 64)) & 1;
  }

 private:
  // Keys (word hashes, or folded two-byte prefixes) to the sets that hold them: a flat map to
  // runs of one array, where the sets' numbers lie back to back.
  class SetsByKey {
   public:
    void build(const std::unordered_map<uint64_t, std::vector<uint16_t>>& from);
    std::span<const uint16_t> find(uint64_t key) const;

   private:
    struct Run {
      uint32_t begin = 0, count = 0;
    };
    absl::flat_hash_map<uint64_t, Run> m_runs;
    std::vector<uint16_t> m_numbers;
  };
  void mark(const Tokens& t) const;
  static size_t word_bit(uint64_t hash) { return static_cast<size_t>(hash >> 48); }  // 16 bits

  static constexpr size_t k_most_phrases = 2000;  // larger sets are not indexed (see enrol)
  size_t m_sets = 0;
  bool m_finished = false;
  std::unordered_map<uint64_t, std::vector<uint16_t>> m_building_words, m_building_prefixes;
  SetsByKey m_by_word, m_by_prefix;
  std::bitset<65536> m_word_filter;  // word_bit of every key of m_by_word (~3,000): most tokens stop here
  std::bitset<65536> m_prefix_filter;
  std::vector<uint64_t> m_always;  // sets with a stem phrase whose first word is one byte long
};

}  // namespace amable::text
