#include "text/tokens.hpp"

#include <algorithm>
#include <array>

#include "text/fold.hpp"
#include "text/stemmer.hpp"
#include "util/text.hpp"

namespace amable::text {
namespace {

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Most of a page's text is ASCII: its bytes are code points, and whether they are word
// characters is looked up in a table made from is_word_char itself, so the two cannot differ.
const std::array<bool, 128>& ascii_word_chars() {
  static const std::array<bool, 128> table = [] {
    std::array<bool, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = is_word_char(c);
    return t;
  }();
  return table;
}

inline char32_t next_cp(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return util::next_code_point(s, i);
}

inline bool word_char(char32_t cp, const std::array<bool, 128>& ascii) { return cp < 0x80 ? ascii[cp] : is_word_char(cp); }

// What an ASCII byte is to the tokenizer: the fast path reads runs of one kind.
enum : uint8_t { k_other = 0, k_letter = 1, k_digit = 2 };
const std::array<uint8_t, 128>& ascii_kinds() {
  static const std::array<uint8_t, 128> table = [] {
    std::array<uint8_t, 128> t{};
    const auto& word = ascii_word_chars();
    for (size_t c = 0; c < 128; ++c)
      t[c] = !word[c] ? k_other : util::is_ascii_digit(static_cast<char>(c)) ? k_digit : k_letter;
    return t;
  }();
  return table;
}

}  // namespace

Tokens::Tokens(std::string_view source, std::pmr::memory_resource* memory) : Tokens(memory) {
  m_source = source;
  const auto& kinds = ascii_kinds();
  const size_t n = source.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(source.data());
  m_tokens.reserve(n / 6 + 1);  // about one word in six bytes of running text
  m_folded.reserve(n);
  size_t i = 0;
  while (i < n) {
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      const uint8_t kind = kinds[c];
      if (kind == k_other) {
        ++i;
        continue;
      }
      // Most words are a run of ASCII letters (or digits) ended by a space or punctuation: read
      // them here, lower-cased and hashed in the same pass. A run that goes on into a non-ASCII
      // byte or an apostrophe ("canción", "you'll") is read by the general path below.
      size_t j = i + 1;
      while (j < n && bytes[j] < 0x80 && kinds[bytes[j]] == kind) ++j;
      if (j == n || (bytes[j] != '\'' && bytes[j] < 0x80)) {
        const size_t at = m_folded.size();
        m_folded.resize(at + (j - i));
        char* out = m_folded.data() + at;
        uint64_t h = 0xcbf29ce484222325ULL;
        for (size_t k = i; k < j; ++k) {
          const char lower = util::ascii_lower(static_cast<char>(bytes[k]));
          *out++ = lower;
          h = (h ^ static_cast<unsigned char>(lower)) * 0x100000001b3ULL;  // word_hash, as the bytes go
        }
        m_tokens.push_back(Token{static_cast<uint32_t>(i), static_cast<uint32_t>(j), static_cast<uint32_t>(at),
                                 static_cast<uint32_t>(j - i), static_cast<size_t>(h)});
        i = j;
        continue;
      }
    }
    i = read_word(i);
  }
}

Tokens Tokens::read_generally(std::string_view source) {
  Tokens t(std::pmr::get_default_resource());
  t.m_source = source;
  for (size_t i = 0; i < source.size();) i = t.read_word(i);
  return t;
}

size_t Tokens::read_word(size_t i) {
  const std::string_view source = m_source;
  const auto& ascii_word = ascii_word_chars();
  const size_t n = source.size();
  const size_t start = i;
  char32_t cp = next_cp(source, i);
  if (!word_char(cp, ascii_word)) return i;
  size_t end = i;
  bool ascii = cp < 0x80;
  // Extend over word characters, and over an apostrophe between two of them ("you'll").
  // Letters and digits part ("Days7am" -> "Days", "7", "am"): markup glues words that the
  // page shows apart, and "10am" or "30days" read better as two words.
  char32_t prev = cp;
  while (end < n) {
    size_t j = end;
    char32_t next = next_cp(source, j);
    const bool digit_now = next < 0x80 && util::is_ascii_digit(static_cast<char>(next));
    const bool digit_before = prev < 0x80 && util::is_ascii_digit(static_cast<char>(prev));
    if (word_char(next, ascii_word) && digit_now != digit_before) break;
    prev = next;
    if (word_char(next, ascii_word)) {
      ascii = ascii && next < 0x80;
      end = j;
      continue;
    }
    if (is_apostrophe(next) && j < n) {
      size_t k = j;
      char32_t after = next_cp(source, k);
      if (word_char(after, ascii_word)) {
        ascii = false;  // normalise the apostrophe below
        end = k;
        continue;
      }
    }
    break;
  }
  const std::string_view word = source.substr(start, end - start);
  Token t{static_cast<uint32_t>(start), static_cast<uint32_t>(end), static_cast<uint32_t>(m_folded.size()), 0, 0};
  if (ascii) {
    for (char c : word) m_folded.push_back(util::ascii_lower(c));
  } else {
    const std::string f = fold(word);
    // Typographic apostrophes fold to the ASCII one so that "you’ll" matches "you'll".
    size_t from = 0;
    for (size_t p; (p = f.find("\xE2\x80\x99", from)) != std::string::npos; from = p + 3) {
      m_folded.append(std::string_view(f).substr(from, p - from));
      m_folded.push_back('\'');
    }
    m_folded.append(std::string_view(f).substr(from));
  }
  t.flen = static_cast<uint32_t>(m_folded.size() - t.fbegin);
  t.hash = word_hash(std::string_view(m_folded).substr(t.fbegin, t.flen));
  m_tokens.push_back(t);
  return end;
}

Tokens Tokens::slice(size_t begin, size_t end, std::pmr::memory_resource* memory) const {
  const std::string_view part = m_source.substr(begin, end - begin);
  // The first token that ends after `begin`; one that starts before `begin` or ends after
  // `end` would be cut in two, and the part is read afresh then.
  auto first = std::partition_point(m_tokens.begin(), m_tokens.end(), [&](const Token& t) { return t.end <= begin; });
  auto last = std::partition_point(first, m_tokens.end(), [&](const Token& t) { return t.begin < end; });
  if ((first != last && first->begin < begin) || (first != last && std::prev(last)->end > end)) return Tokens(part, memory);
  Tokens out(memory);
  out.m_source = part;
  out.m_tokens.reserve(static_cast<size_t>(last - first));
  if (first != last) {
    const uint32_t fbase = first->fbegin;
    out.m_folded.assign(std::string_view(m_folded).substr(fbase, std::prev(last)->fbegin + std::prev(last)->flen - fbase));
    for (auto it = first; it != last; ++it)
      out.m_tokens.push_back(Token{it->begin - static_cast<uint32_t>(begin), it->end - static_cast<uint32_t>(begin), it->fbegin - fbase, it->flen, it->hash});
  }
  return out;
}

std::string_view Tokens::folded(size_t i) const {
  const Token& t = m_tokens[i];
  return std::string_view(m_folded).substr(t.fbegin, t.flen);
}

std::string_view Tokens::original(size_t i) const {
  const Token& t = m_tokens[i];
  return m_source.substr(t.begin, t.end - t.begin);
}

Tokens::Stems& Tokens::stems_for(std::string_view lang, size_t i) const {
  Stems* stems = nullptr;
  for (auto& st : m_stems)
    if (st->lang == lang) stems = st.get();
  if (!stems) {
    m_stems.push_back(std::make_unique<Stems>(
        Stems{std::string(lang), std::vector<std::string>(m_tokens.size()), std::vector<size_t>(m_tokens.size())}));
    stems = m_stems.back().get();
  }
  std::string& s = stems->words[i];
  if (s.empty()) {
    s = text::stem(case_fold(original(i)), lang);
    if (s.empty()) s = std::string(folded(i));
    stems->hashes[i] = word_hash(s);
  }
  return *stems;
}

std::string_view Tokens::stem(size_t i, std::string_view lang) const { return stems_for(lang, i).words[i]; }

size_t Tokens::stem_hash(size_t i, std::string_view lang) const { return stems_for(lang, i).hashes[i]; }

bool Tokens::capitalised(size_t i) const {
  size_t pos = 0;
  const std::string_view w = original(i);
  return is_upper(util::next_code_point(w, pos));
}

namespace {
thread_local TokenCache* t_active_cache = nullptr;
}  // namespace

namespace {

// The first 512 KB of the outermost cache's arena on each thread, kept from page to page: a
// heavy page's tokens fit, and growing a fresh arena each page would take new blocks from the
// system (large blocks are mapped and unmapped: page faults on every page).
constexpr size_t k_reused_bytes = 512 << 10;
std::byte* reused_buffer() {
  thread_local const std::unique_ptr<std::byte[]> buffer(new std::byte[k_reused_bytes]);
  return buffer.get();
}

}  // namespace

TokenCache::TokenCache(size_t expected)
    : m_arena(t_active_cache ? std::pmr::monotonic_buffer_resource(64 << 10)
                             : std::pmr::monotonic_buffer_resource(reused_buffer(), k_reused_bytes)),
      m_tokens(expected),
      m_previous(t_active_cache) {
  t_active_cache = this;
}
TokenCache::~TokenCache() { t_active_cache = m_previous; }

const Tokens* TokenCache::find(std::string_view text) {
  if (!t_active_cache || text.empty()) return nullptr;
  return t_active_cache->m_tokens.find(text);
}

const Tokens* TokenCache::of(const std::string& text) { return of_part(text); }

const Tokens* TokenCache::of_part(std::string_view part) {
  if (!t_active_cache) return nullptr;
  Tokens** slot = t_active_cache->m_tokens.slot(part);
  if (!slot) return nullptr;
  if (!*slot) *slot = &t_active_cache->m_store.emplace_back(part, &t_active_cache->m_arena);
  return *slot;
}

const Tokens* TokenCache::of_sentence(const std::string& text, Range r) {
  if (!t_active_cache) return nullptr;
  if (r.begin == 0 && r.end == text.size()) return of(text);
  const std::string_view part = std::string_view(text).substr(r.begin, r.end - r.begin);
  if (const Tokens* cached = t_active_cache->m_tokens.find(part)) return cached;
  // The whole text's tokens first: reading them may add to the table and move its slots.
  const Tokens* whole = of(text);
  Tokens** slot = t_active_cache->m_tokens.slot(part);
  if (!slot) return nullptr;
  *slot = &t_active_cache->m_store.emplace_back(whole->slice(r.begin, r.end, &t_active_cache->m_arena));
  return *slot;
}

const std::vector<Range>* TokenCache::sentences_of(const std::string& text) {
  if (!t_active_cache) return nullptr;
  std::vector<Range>** slot = t_active_cache->m_sentences.slot(text);
  if (!slot) return nullptr;
  if (!*slot) *slot = &t_active_cache->m_sentence_store.emplace_back(sentences(text));
  return *slot;
}

std::vector<std::string> folded_words(std::string_view phrase) {
  Tokens t(phrase);
  std::vector<std::string> out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) out.emplace_back(t.folded(i));
  return out;
}

}  // namespace amable::text
