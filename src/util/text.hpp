#pragma once
// Small byte- and UTF-8-level string helpers used across the engine.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amable::util {

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string to_lower_ascii(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);
bool icontains(std::string_view haystack, std::string_view needle);
std::string_view trim(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
std::vector<std::string_view> split_any(std::string_view s, std::string_view seps);

// Collapses runs of ASCII white space (and U+00A0) into one space and trims the ends.
std::string collapse_whitespace(std::string_view s);

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);
// Replaces every ill-formed sequence with U+FFFD.
std::string repair_utf8(std::string_view s);
// Decodes the code point at `i` and advances `i`; returns U+FFFD on a bad sequence.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);

// Cuts `s` to at most `max_chars` code points, adding "…" when cut.
std::string truncate_chars(std::string_view s, size_t max_chars);
// Number of code points.
size_t count_chars(std::string_view s);

// Replaces C0/C1 control characters (other than \n and \t) with a space: for terminal output.
std::string strip_control(std::string_view s);

std::string percent_decode(std::string_view s);

// The items joined with `sep`.
std::string join(const std::vector<std::string>& items, std::string_view sep);

// Levenshtein edit distance (bytes), for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);
// The candidate a typo away from `word` (at most 2 edits, and at most a third of its length), or
// "" when none is that close.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace amable::util
