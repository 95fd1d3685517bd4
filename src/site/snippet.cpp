#include "site/snippet.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace amable::site {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t back_to_char_start(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && is_continuation(s[i])) --i;
  return i;
}

}  // namespace

std::string snippet_around(std::string_view text, size_t begin, size_t end, size_t max_chars) {
  begin = std::min(begin, text.size());
  end = std::clamp(end, begin, text.size());
  if (util::count_chars(text) <= max_chars) return util::collapse_whitespace(text);
  // Bytes are a fair proxy for characters here; the final cut is by characters.
  const size_t budget = max_chars;
  const size_t match = end - begin;
  size_t left = match >= budget ? 0 : (budget - match) / 2;
  size_t from = begin > left ? begin - left : 0;
  from = back_to_char_start(text, from);
  // Start at a word boundary when one is near.
  if (from > 0) {
    const size_t space = text.find(' ', from);
    if (space != std::string_view::npos && space < begin) from = space + 1;
  }
  std::string out = util::truncate_chars(text.substr(from), max_chars - (from > 0 ? 1 : 0));
  out = util::collapse_whitespace(out);
  if (from > 0) out = "\xE2\x80\xA6" + out;
  return out;
}

std::string snippet_of(std::string_view text, size_t max_chars) {
  return util::collapse_whitespace(util::truncate_chars(text, max_chars));
}

}  // namespace amable::site
