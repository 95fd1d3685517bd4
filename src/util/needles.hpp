#pragma once
// Case-insensitive search for any of a fixed list of ASCII needles in one pass over the
// haystack. The last four bytes read are kept in one word as the scan goes; a bit table of the
// needles' first four bytes (or first two, for needles of two or three) rules out almost every
// position before any comparison, so a 60 KB inline script costs one scan, not one per needle.
// Hand-written rather than a multi-pattern library (Hyperscan, Aho-Corasick crates): the lists
// are a few dozen short host names, and this is twenty lines.
#include <bitset>
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
  static size_t quad_bit(uint32_t w) { return (w * 0x9E3779B1u) >> 16; }
  // Calls hit(at, min, max) where a needle of min to max-1 bytes may start at `at`, while
  // more(): one pass over the haystack.
  template <typename Hit, typename More>
  void scan(std::string_view haystack, Hit&& hit, More&& more) const;
  // Needle k, if it is `min` to `max`-1 bytes long, starts at haystack[at].
  bool starts_at(std::string_view haystack, size_t at, size_t k, size_t min, size_t max) const;
  std::vector<std::string> m_needles;  // lower case, in list order
  std::vector<size_t> m_short;         // needles of one byte: checked with icontains
  std::bitset<65536> m_pairs;          // first two bytes of a needle of two or three
  std::bitset<65536> m_quads;          // hashed first four bytes of a longer needle
  bool m_any_pairs = false;
};

}  // namespace amable::util
