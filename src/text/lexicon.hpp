#pragma once
// Lexicons are data: rules/lexicon/<lang>/<name>.txt, embedded in the binary, split into
// [sections] of one phrase per line. A line "stem: phrase" matches Snowball stem sequences in
// running text; any other line matches folded words exactly (case and accents ignored, word
// boundaries respected). Lines starting with '#' are comments.
#include <bitset>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "text/phrase_index.hpp"
#include "text/tokens.hpp"
#include "util/string_hash.hpp"

namespace amable::text {

struct PhraseMatch {
  size_t first = 0;   // first token
  size_t count = 0;   // tokens matched
  size_t entry = 0;   // index of the phrase in its set
};

class PhraseSet {
 public:
  void add(std::string_view phrase, bool stemmed, std::string_view lang);
  bool empty() const { return m_entries.empty(); }
  size_t size() const { return m_entries.size(); }
  // Phrase `i` as written in the lexicon.
  std::string_view text(size_t i) const { return chars(m_entries[i].text); }

  // Longest match starting at token `i`, if any. `text_lang` picks the stemmer for stem
  // entries; an empty or unknown language tries each entry's own language.
  std::optional<PhraseMatch> match_at(const Tokens& t, size_t i, std::string_view text_lang) const;
  // Non-overlapping matches, left to right.
  std::vector<PhraseMatch> find_all(const Tokens& t, std::string_view text_lang) const;
  std::optional<PhraseMatch> find_first(const Tokens& t, std::string_view text_lang) const;
  bool matches(const Tokens& t, std::string_view text_lang) const {
    return find_first(t, text_lang).has_value();
  }
  // Convenience for short strings (link texts, titles).
  bool matches(std::string_view text, std::string_view text_lang) const;
  // True when the whole of `t` is one phrase of the set.
  bool matches_whole(const Tokens& t, std::string_view text_lang) const;

 private:
  friend class PhraseIndex;
  // match_at() without asking the index (the caller has).
  std::optional<PhraseMatch> match_here(const Tokens& t, size_t i, std::string_view text_lang) const;
  bool may_match(const Tokens& t) const { return !m_index || m_index->may_match(m_number, t); }
  // The phrases live back to back in one buffer: the given-names list alone has 18,754 of
  // them in two sets (its language's and the union), and a string and a vector of strings each
  // (~190 bytes a phrase) made the lexicons 9 MB of a 10,000-page audit's heap.
  struct Span {
    uint32_t at = 0, size = 0;  // bytes of m_chars
  };
  struct Entry {
    Span text;            // as written in the lexicon
    uint32_t words = 0;   // first of its folded words (or stems when `stemmed`) in m_words
    uint8_t word_count = 0;
    uint8_t lang = 0;     // index in m_langs
    bool stemmed = false;
  };
  std::string_view chars(Span s) const { return std::string_view(m_chars).substr(s.at, s.size); }
  std::string_view word(const Entry& e, size_t k) const { return chars(m_words[e.words + k]); }
  Span keep(std::string_view text);
  bool entry_matches(const Entry& e, const Tokens& t, size_t i, std::string_view text_lang) const;
  // A 4096-bit filter over first-word hashes: most tokens start no phrase, and one bit says so.
  using Filter = std::bitset<4096>;
  static size_t bit_of(size_t hash) { return hash & 4095; }
  // Entries by the word_hash of their first word (or stem): a token's hash is computed once
  // when it is read, so a lookup hashes nothing; entry_matches() compares the words, so two
  // words with one hash cost a comparison, never a wrong match.
  struct KeepHash {
    size_t operator()(size_t h) const noexcept { return h; }
  };
  using Index = absl::flat_hash_map<size_t, std::vector<uint32_t>, KeepHash>;
  struct StemIndex {
    std::string lang;
    Filter filter;
    Index by_first;  // entries by their first stem
    // The first two folded bytes of the first word of each entry. Snowball stemmers (English,
    // Spanish, French) only cut suffixes and drop accents, so a word whose stem equals an
    // entry's shares those two bytes with the entry's word: a token that shares them with no
    // entry is not stemmed at all (stemming is the cost). Entries whose first word folds to
    // fewer than two bytes are always tried.
    std::bitset<65536> prefixes;
    bool short_words = false;
  };
  static size_t prefix_of(std::string_view folded) {
    return static_cast<size_t>(static_cast<unsigned char>(folded[0])) << 8 | static_cast<unsigned char>(folded[1]);
  }
  std::vector<Entry> m_entries;
  std::string m_chars;               // every entry's text and words
  std::vector<Span> m_words;         // the entries' words, in order
  std::vector<std::string> m_langs;  // the languages of stem entries ("" first)
  Filter m_exact_filter;
  Index m_exact_by_first;
  std::vector<StemIndex> m_stemmed;  // one per language of stem entries
  const PhraseIndex* m_index = nullptr;  // the registry's, once enrolled
  uint16_t m_number = 0;                 // this set's number in m_index
};

class Lexicon {
 public:
  // The phrases of `section` in `lang`; any language without its own file (or "") gets the
  // union of every language.
  const PhraseSet& phrases(std::string_view section, std::string_view lang) const;
  // The raw lines of `section` (without "stem:" markers), for lists that are not phrases:
  // slugs, mailbox names, script hosts.
  const std::vector<std::string>& lines(std::string_view section, std::string_view lang) const;
  bool has_language(std::string_view lang) const;

  // Built by the registry.
  void add_line(std::string_view lang, std::string_view section, std::string_view line);
  void finish();
  // Enrols every phrase set in `index` (after finish()).
  void enrol(PhraseIndex& index);

 private:
  struct Section {
    PhraseSet phrases;
    std::vector<std::string> lines;
  };
  // lang -> section -> data; lang "*" is the union.
  std::map<std::string, std::map<std::string, Section, std::less<>>, std::less<>> m_langs;
};

// The lexicon called `name` (file name without ".txt"). Throws std::out_of_range for an
// unknown name: that is a programming error, caught by the tests.
const Lexicon& lexicon(std::string_view name);

// Languages that have rule lexicons (not just stop words): {"en", "es"}.
const std::vector<std::string>& supported_languages();

}  // namespace amable::text
