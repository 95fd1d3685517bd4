#include "text/tokens.hpp"

#include "text/fold.hpp"
#include "text/stemmer.hpp"
#include "util/text.hpp"

namespace amable::text {
namespace {

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

}  // namespace

Tokens::Tokens(std::string_view source) : m_source(source) {
  size_t i = 0;
  const size_t n = source.size();
  while (i < n) {
    size_t start = i;
    char32_t cp = util::next_code_point(source, i);
    if (!is_word_char(cp)) continue;
    size_t end = i;
    bool ascii = cp < 0x80;
    // Extend over word characters, and over an apostrophe between two of them ("you'll").
    // Letters and digits part ("Days7am" -> "Days", "7", "am"): markup glues words that the
    // page shows apart, and "10am" or "30days" read better as two words.
    char32_t prev = cp;
    while (end < n) {
      size_t j = end;
      char32_t next = util::next_code_point(source, j);
      const bool digit_now = next < 0x80 && util::is_ascii_digit(static_cast<char>(next));
      const bool digit_before = prev < 0x80 && util::is_ascii_digit(static_cast<char>(prev));
      if (is_word_char(next) && digit_now != digit_before) break;
      prev = next;
      if (is_word_char(next)) {
        ascii = ascii && next < 0x80;
        end = j;
        continue;
      }
      if (is_apostrophe(next) && j < n) {
        size_t k = j;
        char32_t after = util::next_code_point(source, k);
        if (is_word_char(after)) {
          ascii = false;  // normalise the apostrophe below
          end = k;
          continue;
        }
      }
      break;
    }
    const std::string_view word = source.substr(start, end - start);
    Token t{static_cast<uint32_t>(start), static_cast<uint32_t>(end),
            static_cast<uint32_t>(m_folded.size()), 0, 0};
    if (ascii) {
      for (char c : word) m_folded.push_back(util::ascii_lower(c));
    } else {
      const std::string f = fold(word);
      // Typographic apostrophes fold to the ASCII one so that "you’ll" matches "you'll".
      size_t from = 0;
      for (size_t p; (p = f.find("\xE2\x80\x99", from)) != std::string::npos; from = p + 3) {
        m_folded.append(f, from, p - from);
        m_folded.push_back('\'');
      }
      m_folded.append(f, from);
    }
    t.flen = static_cast<uint32_t>(m_folded.size() - t.fbegin);
    t.hash = std::hash<std::string_view>{}(std::string_view(m_folded).substr(t.fbegin, t.flen));
    m_tokens.push_back(t);
    i = end;
  }
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
    stems->hashes[i] = std::hash<std::string_view>{}(s);
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

TokenCache::TokenCache() : m_previous(t_active_cache) { t_active_cache = this; }
TokenCache::~TokenCache() { t_active_cache = m_previous; }

const Tokens* TokenCache::find(std::string_view text) {
  if (!t_active_cache || text.empty()) return nullptr;
  const auto it = t_active_cache->m_tokens.find(Key{text.data(), text.size()});
  return it == t_active_cache->m_tokens.end() ? nullptr : it->second.get();
}

const Tokens* TokenCache::of(const std::string& text) {
  if (!t_active_cache) return nullptr;
  auto& slot = t_active_cache->m_tokens[Key{text.data(), text.size()}];
  if (!slot) slot = std::make_unique<Tokens>(text);
  return slot.get();
}

std::vector<std::string> folded_words(std::string_view phrase) {
  Tokens t(phrase);
  std::vector<std::string> out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) out.emplace_back(t.folded(i));
  return out;
}

}  // namespace amable::text
