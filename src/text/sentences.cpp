#include "text/sentences.hpp"

#include <array>

#include "util/text.hpp"

namespace amable::text {
namespace {

// Lower-cased abbreviations (without their final '.') that do not end a sentence.
bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 44> k_abbr = {
      "e.g", "i.e", "etc", "no", "nr", "mr", "mrs", "ms", "dr", "inc", "ltd", "st", "vs", "approx", "p. ej", "ej",
      "sr", "sra", "srta", "d", "dña", "s.a", "s.l", "s.a.s", "núm", "num", "pág", "pag", "aprox", "avda", "av",
      "c", "tel", "telf", "tlf", "gral", "co", "corp", "jr", "n", "nº", "art", "ud", "uds"};
  const std::string w = util::to_lower_ascii(word);
  for (auto a : k_abbr)
    if (w == a) return true;
  return w.size() == 1 && util::is_ascii_alpha(w[0]);  // initials: "J. García"
}

}  // namespace

std::vector<Range> sentences(std::string_view text) {
  std::vector<Range> out;
  size_t start = 0;
  auto push = [&](size_t end) {
    size_t b = start, e = end;
    while (b < e && util::is_ascii_space(text[b])) ++b;
    while (e > b && util::is_ascii_space(text[e - 1])) --e;
    if (e > b) out.push_back({b, e});
    start = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    const bool ellipsis = static_cast<unsigned char>(c) == 0xE2 && text.substr(i, 3) == "\xE2\x80\xA6";
    if (c != '.' && c != '!' && c != '?' && !ellipsis) continue;
    size_t next = i + (ellipsis ? 3 : 1);
    while (next < text.size() && (text[next] == '.' || text[next] == '!' || text[next] == '?' ||
                                  text[next] == '"' || text[next] == ')' || text[next] == '\''))
      ++next;
    if (next < text.size() && !util::is_ascii_space(text[next])) continue;  // "1.299", "shop.es"
    if (c == '.') {
      // The word before the dot: an abbreviation does not end the sentence.
      size_t w = i;
      while (w > start && !util::is_ascii_space(text[w - 1])) --w;
      std::string_view word = text.substr(w, i - w);
      while (!word.empty() && (word.front() == '(' || word.front() == '"')) word.remove_prefix(1);
      if (!word.empty() && is_abbreviation(word)) continue;
    }
    push(next);
  }
  push(text.size());
  return out;
}

}  // namespace amable::text
