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
            static_cast<uint32_t>(m_folded.size()), 0};
    if (ascii) {
      for (char c : word) m_folded.push_back(util::ascii_lower(c));
    } else {
      std::string f = fold(word);
      // Typographic apostrophes fold to the ASCII one so that "you’ll" matches "you'll".
      for (size_t p = 0; (p = f.find("\xE2\x80\x99", p)) != std::string::npos;) f.replace(p, 3, "'");
      m_folded += f;
    }
    t.flen = static_cast<uint32_t>(m_folded.size() - t.fbegin);
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

std::string_view Tokens::stem(size_t i, std::string_view lang) const {
  if (m_stem_lang != lang || m_stems.size() != m_tokens.size()) {
    m_stem_lang = std::string(lang);
    m_stems.assign(m_tokens.size(), std::string());
  }
  std::string& s = m_stems[i];
  if (s.empty()) {
    s = text::stem(case_fold(original(i)), lang);
    if (s.empty()) s = std::string(folded(i));
  }
  return s;
}

bool Tokens::capitalised(size_t i) const {
  size_t pos = 0;
  const std::string_view w = original(i);
  return is_upper(util::next_code_point(w, pos));
}

std::vector<std::string> folded_words(std::string_view phrase) {
  Tokens t(phrase);
  std::vector<std::string> out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) out.emplace_back(t.folded(i));
  return out;
}

}  // namespace amable::text
