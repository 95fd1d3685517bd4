#pragma once
// Case-insensitive search for any of a fixed list of ASCII needles in one pass over the
// haystack, by Wu and Manber's multi-pattern algorithm ("A fast algorithm for multi-pattern
// searching", 1994): a window as long as the shortest needle slides over the haystack, and the
// two bytes at its end say how far it may jump (no needle holds them near its start: the
// window's length less one). Only where they end some needle's first window-length bytes are
// needles compared. Scripts are mostly JSON and code whose byte pairs needles rarely share, so
// the window moves a few bytes a step: a 20 KB inline state blob costs a few instructions a
// byte rather than the ~20 of a test at every position. Needles of under four bytes would keep
// the window short; they are searched one by one (util::icontains).
// Hand-written rather than a multi-pattern library (Hyperscan, Aho-Corasick crates): the lists
// are a few dozen short host names, and this is a page of code.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amable::util {

class NeedleSet {
 public:
  explicit NeedleSet(const std::vector<std::string>& needles);

  // The needle that comes first in the list among those `haystack` contains, or nullptr:
  // the same answer as trying util::icontains with each needle in turn.
  const std::string* first_in_list(std::string_view haystack) const;
  bool any_in(std::string_view haystack) const { return first_in_list(haystack) != nullptr; }
  // Which needles `haystack` contains, by their place in the list.
  std::vector<bool> all_in(std::string_view haystack) const;

 private:
  // Byte pairs by their low six bits each, lower case: 4,096 entries fit the L1 cache. Pairs
  // that share an entry share the smaller jump, which is safe.
  static size_t pair_of(unsigned char a, unsigned char b);
  // Calls hit(k, at) for each long needle k that starts at haystack[at], while more().
  template <typename Hit, typename More>
  void scan(std::string_view haystack, Hit&& hit, More&& more) const;
  std::vector<std::string> m_needles;  // lower case, in list order
  std::vector<size_t> m_short;         // needles of under four bytes: checked with icontains
  size_t m_window = 0;                 // the shortest long needle's length (0: none)
  std::vector<uint8_t> m_jump;         // by pair_of: how far the window may move
  std::vector<uint32_t> m_ends_at;     // by pair_of, into m_ending: needles whose window ends in it
  std::vector<uint16_t> m_ending;
};

}  // namespace amable::util
