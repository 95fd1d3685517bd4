#pragma once
// Word tokens of a text, each with its byte range in the source and its folded form, so that
// a match on folded words can quote the original text exactly.
#include <cstdint>
#include <deque>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/address_table.hpp"
#include "text/sentences.hpp"

namespace amable::text {

// The hash of a folded word or stem that Tokens keeps per token and PhraseSet indexes by:
// FNV-1a (64 bits), cheap on the short words of running text.
constexpr size_t word_hash(std::string_view w) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return static_cast<size_t>(h);
}

class Tokens {
 public:
  Tokens() = default;
  // `source` must outlive this object. `memory`: where the tokens are kept (a TokenCache's
  // arena: a page's hundreds of texts then cost no allocation or free each).
  explicit Tokens(std::string_view source, std::pmr::memory_resource* memory = std::pmr::get_default_resource());

  size_t size() const { return m_tokens.size(); }
  bool empty() const { return m_tokens.empty(); }
  std::string_view source() const { return m_source; }
  // Case- and accent-folded form: "devolución" -> "devolucion".
  std::string_view folded(size_t i) const;
  // The token as written in the source.
  std::string_view original(size_t i) const;
  size_t begin(size_t i) const { return m_tokens[i].begin; }
  size_t end(size_t i) const { return m_tokens[i].end; }
  // word_hash(folded(i)), computed once: phrase lookups filter on it.
  size_t hash(size_t i) const { return m_tokens[i].hash; }
  // Snowball stem in `lang`, computed on first use, and its hash.
  std::string_view stem(size_t i, std::string_view lang) const;
  size_t stem_hash(size_t i, std::string_view lang) const;
  // True when the original token starts with an upper-case letter.
  bool capitalised(size_t i) const;
  // The same tokens, read by the general path only (every word through the UTF-8 reader): the
  // reference the ASCII fast path is tested against.
  static Tokens read_generally(std::string_view source);
  // The tokens of source()[begin, end) (a sentence of a block), the same as Tokens would make
  // of that text, copied from these instead of read again.
  Tokens slice(size_t begin, size_t end, std::pmr::memory_resource* memory = std::pmr::get_default_resource()) const;

 private:
  friend class PhraseIndex;
  struct Token {
    uint32_t begin, end;    // in m_source
    uint32_t fbegin, flen;  // in m_folded
    size_t hash;
  };
  std::string_view m_source;
  std::pmr::vector<Token> m_tokens;
  std::pmr::string m_folded;
  // Stems by language, computed on first use (a page of unknown language tries several).
  struct Stems {
    std::string lang;
    std::vector<std::string> words;
    std::vector<size_t> hashes;
  };
  explicit Tokens(std::pmr::memory_resource* memory) : m_tokens(memory), m_folded(memory), m_marks{nullptr, 0, std::pmr::vector<uint64_t>(memory)} {}
  Stems& stems_for(std::string_view lang, size_t i) const;
  // Reads the word that starts at byte `i` (any script, apostrophes, letter-digit breaks) into
  // the tokens, or skips the one non-word character there; returns where reading goes on.
  size_t read_word(size_t i);
  mutable std::vector<std::unique_ptr<Stems>> m_stems;  // stable addresses: stems are handed out as views
  // Which phrase sets of a PhraseIndex may match here, one bit a set, marked by that index on
  // its second question about this text (text/phrase_index.hpp).
  struct SetMarks {
    const void* index = nullptr;  // the index that made `bits`
    uint32_t questions = 0;
    std::pmr::vector<uint64_t> bits;  // kept where the tokens are
  };
  mutable SetMarks m_marks;
};

// The tokens of the texts of the page being read, built once and shared by every detector
// (a block's text is read by a dozen of them). A TokenCache is active on its thread while it
// lives; tokens_of() uses it when there is one and builds tokens for the caller otherwise.
class TokenCache {
 public:
  // `expected`: about how many texts will be read (the page's blocks and links), to size the
  // table once.
  explicit TokenCache(size_t expected = 0);
  ~TokenCache();
  TokenCache(const TokenCache&) = delete;
  TokenCache& operator=(const TokenCache&) = delete;

  // The cached tokens of exactly this text (same bytes at the same address), or nullptr.
  static const Tokens* find(std::string_view text);
  // Tokens of `text`, cached: `text` must outlive the cache (a block of the page).
  static const Tokens* of(const std::string& text);
  static const Tokens* of(std::string&&) = delete;
  // Tokens of a part of such a text, cached the same way.
  static const Tokens* of_part(std::string_view part);
  // Tokens of `text`[r.begin, r.end) (one of its sentences), cut from the text's own tokens.
  static const Tokens* of_sentence(const std::string& text, Range r);
  static const Tokens* of_sentence(std::string&&, Range) = delete;
  // The sentences of such a text, cached: four detectors read a block sentence by sentence.
  static const std::vector<Range>* sentences_of(const std::string& text);
  static const std::vector<Range>* sentences_of(std::string&&) = delete;

 private:
  // Tokens and sentences live in deques (stable addresses, one allocation per many); the
  // tables point there.
  // The cached tokens' storage: freed at once with the cache (a page's worth).
  std::pmr::monotonic_buffer_resource m_arena;
  AddressTable<Tokens> m_tokens;
  std::deque<Tokens> m_store;
  AddressTable<std::vector<Range>> m_sentences;
  std::deque<std::vector<Range>> m_sentence_store;
  TokenCache* m_previous = nullptr;
};

// Tokens of a long-lived text (a block of the page being read): from the thread's TokenCache
// when one is active, else owned by this handle.
class TokensOf {
 public:
  explicit TokensOf(const std::string& text) : m_cached(TokenCache::of(text)) {
    if (!m_cached) m_own.emplace(text);
  }
  explicit TokensOf(std::string&&) = delete;  // a temporary's address may come back with other text
  // A part of a long-lived text.
  static TokensOf part(std::string_view part) { return TokensOf(TokenCache::of_part(part), part); }
  // A sentence of a long-lived text (a block), cut from the text's cached tokens.
  static TokensOf sentence(const std::string& text, Range r) {
    return TokensOf(TokenCache::of_sentence(text, r), std::string_view(text).substr(r.begin, r.end - r.begin));
  }
  static TokensOf sentence(std::string&&, Range) = delete;
  const Tokens& operator*() const { return m_cached ? *m_cached : *m_own; }
  const Tokens* operator->() const { return &**this; }

 private:
  TokensOf(const Tokens* cached, std::string_view text) : m_cached(cached) {
    if (!m_cached) m_own.emplace(text);
  }
  const Tokens* m_cached;
  std::optional<Tokens> m_own;
};

// The sentences of a long-lived text, from the thread's TokenCache when one is active.
class SentencesOf {
 public:
  explicit SentencesOf(const std::string& text) : m_cached(TokenCache::sentences_of(text)) {
    if (!m_cached) m_own = sentences(text);
  }
  explicit SentencesOf(std::string&&) = delete;
  auto begin() const { return (m_cached ? *m_cached : m_own).begin(); }
  auto end() const { return (m_cached ? *m_cached : m_own).end(); }

 private:
  const std::vector<Range>* m_cached;
  std::vector<Range> m_own;
};

// Folded words of a phrase, tokenized exactly as text is: "Política de devolución" ->
// {"politica", "de", "devolucion"}.
std::vector<std::string> folded_words(std::string_view phrase);

}  // namespace amable::text
