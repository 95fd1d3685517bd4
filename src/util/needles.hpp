#pragma once
// Case-insensitive search for any of a fixed list of ASCII needles in one pass over the
// haystack: a table of the needles' first two bytes rules out almost every position before
// any comparison, so a 60 KB inline script costs one scan instead of one scan per needle.
#include <bitset>
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

 private:
  static size_t pair_of(char a, char b);
  std::vector<std::string> m_needles;      // lower case, in list order
  std::vector<size_t> m_short;             // needles of one byte: checked with icontains
  std::bitset<65536> m_pairs;              // first two bytes of a longer needle
};

}  // namespace amable::util
