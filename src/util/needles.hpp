#pragma once
// Case-insensitive search for any of a fixed list of ASCII needles in one pass over the
// haystack. At each position the two bytes there, as they are (every case of each needle's
// first two bytes is in a 65,536-bit table), then the next two, rule out almost every
// position with two bit tests; only where both pass are the needles that begin with those
// four bytes compared. Each position is tested on its own, so the processor runs many at
// once: a 20 KB inline script costs about a byte a cycle. (A Wu-Manber window that jumps was
// tried: fewer instructions, but each jump waits for the last, and it was slower in time.)
// Needles of under four bytes are searched one by one (util::icontains).
// Hand-written rather than a multi-pattern library (Hyperscan, Aho-Corasick crates): the lists
// are a few dozen short host names, and this is a page of code.
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
  // Calls hit(k, at) for each long needle k that starts at haystack[at], while more().
  template <typename Hit, typename More>
  void scan(std::string_view haystack, Hit&& hit, More&& more) const;
  static size_t bucket_of(uint32_t quad) { return (quad * 0x9E3779B1u) >> 26; }  // 64 buckets
  std::vector<std::string> m_needles;  // lower case, in list order
  std::vector<size_t> m_short;         // needles of under four bytes: checked with icontains
  std::bitset<65536> m_first_two;      // bytes 0-1 of a long needle, in every case, as a little-endian pair
  std::bitset<65536> m_next_two;       // bytes 2-3
  std::vector<std::vector<std::pair<uint32_t, uint16_t>>> m_by_quad;  // by bucket_of: (lower-case first four bytes, needle)
};

}  // namespace amable::util
