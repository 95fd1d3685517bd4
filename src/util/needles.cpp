#include "util/needles.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "util/text.hpp"

namespace amable::util {
namespace {

// A pair of bytes read from memory as the little-endian number the tables are indexed by.
uint16_t le16(uint16_t v) {
  if constexpr (std::endian::native == std::endian::big) return static_cast<uint16_t>(v >> 8 | v << 8);
  return v;
}

constexpr auto k_lower = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<size_t>(c)] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

// The first four bytes at `p`, lower case, first byte lowest.
uint32_t lower_quad(const unsigned char* p) {
  return static_cast<uint32_t>(k_lower[p[0]]) | static_cast<uint32_t>(k_lower[p[1]]) << 8 | static_cast<uint32_t>(k_lower[p[2]]) << 16 |
         static_cast<uint32_t>(k_lower[p[3]]) << 24;
}

uint16_t pair_at(const unsigned char* p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return le16(v);
}

// Every case of the two ASCII bytes a, b (lower case) as the pair a haystack would hold.
void set_cases(std::bitset<65536>& bits, unsigned char a, unsigned char b) {
  auto cases = [](unsigned char c) {
    std::vector<unsigned char> v{c};
    if (c >= 'a' && c <= 'z') v.push_back(static_cast<unsigned char>(c - 32));
    return v;
  };
  for (const unsigned char x : cases(a))
    for (const unsigned char y : cases(b)) bits.set(static_cast<size_t>(x) | static_cast<size_t>(y) << 8);
}

}  // namespace

NeedleSet::NeedleSet(const std::vector<std::string>& needles) : m_by_quad(64) {
  if (needles.size() > std::numeric_limits<uint16_t>::max()) throw std::length_error("NeedleSet: too many needles");
  for (const auto& n : needles) {
    m_needles.push_back(to_lower_ascii(n));
    const std::string& low = m_needles.back();
    const auto k = static_cast<uint16_t>(m_needles.size() - 1);
    if (low.size() < 4) {
      m_short.push_back(k);
      continue;
    }
    const auto* b = reinterpret_cast<const unsigned char*>(low.data());
    set_cases(m_first_two, b[0], b[1]);
    set_cases(m_next_two, b[2], b[3]);
    const uint32_t quad = lower_quad(b);
    m_by_quad[bucket_of(quad)].emplace_back(quad, k);
  }
}

template <typename Hit, typename More>
void NeedleSet::scan(std::string_view haystack, Hit&& hit, More&& more) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(haystack.data());
  const size_t n = haystack.size();
  for (size_t at = 0; at + 4 <= n; ++at) {
    if (!m_first_two[pair_at(bytes + at)] || !m_next_two[pair_at(bytes + at + 2)]) [[likely]]
      continue;
    const uint32_t quad = lower_quad(bytes + at);
    for (const auto& [q, k] : m_by_quad[bucket_of(quad)]) {
      const std::string& needle = m_needles[k];
      if (q == quad && n - at >= needle.size() && iequals(haystack.substr(at + 4, needle.size() - 4), std::string_view(needle).substr(4)))
        hit(k, at);
    }
    if (!more()) return;
  }
}

const std::string* NeedleSet::first_in_list(std::string_view haystack) const {
  size_t best = m_needles.size();
  for (size_t i : m_short)
    if (i < best && icontains(haystack, m_needles[i])) best = i;
  scan(haystack, [&](size_t k, size_t) { best = std::min(best, k); }, [&] { return best > 0; });
  return best < m_needles.size() ? &m_needles[best] : nullptr;
}

std::vector<bool> NeedleSet::all_in(std::string_view haystack) const {
  std::vector<bool> found(m_needles.size(), false);
  for (size_t i : m_short) found[i] = icontains(haystack, m_needles[i]);
  scan(haystack, [&](size_t k, size_t) { found[k] = true; }, [] { return true; });
  return found;
}

}  // namespace amable::util
