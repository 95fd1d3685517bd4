#include "util/needles.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

#include "util/text.hpp"

namespace amable::util {
namespace {

constexpr auto k_lower = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<size_t>(c)] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

constexpr size_t k_pairs = 4096;

}  // namespace

size_t NeedleSet::pair_of(unsigned char a, unsigned char b) {
  return static_cast<size_t>(k_lower[a] & 63) << 6 | (k_lower[b] & 63);
}

NeedleSet::NeedleSet(const std::vector<std::string>& needles) {
  if (needles.size() > std::numeric_limits<uint16_t>::max()) throw std::length_error("NeedleSet: too many needles");
  std::vector<size_t> long_ones;
  for (const auto& n : needles) {
    m_needles.push_back(to_lower_ascii(n));
    (n.size() < 4 ? m_short : long_ones).push_back(m_needles.size() - 1);
  }
  if (long_ones.empty()) return;
  m_window = m_needles[long_ones[0]].size();
  for (size_t k : long_ones) m_window = std::min(m_window, m_needles[k].size());
  // The jump for a pair that ends at byte q (0-based) of some needle's first m_window bytes is
  // m_window-1-q: the window moves until that byte would be its last. A pair no needle holds
  // there lets the window pass it: m_window-1.
  m_jump.assign(k_pairs, static_cast<uint8_t>(std::min<size_t>(m_window - 1, 255)));
  std::vector<std::vector<uint16_t>> ending(k_pairs);
  for (size_t k : long_ones) {
    const std::string& n = m_needles[k];
    for (size_t q = 1; q < m_window; ++q) {
      const size_t p = pair_of(static_cast<unsigned char>(n[q - 1]), static_cast<unsigned char>(n[q]));
      m_jump[p] = static_cast<uint8_t>(std::min<size_t>(m_jump[p], m_window - 1 - q));
    }
    ending[pair_of(static_cast<unsigned char>(n[m_window - 2]), static_cast<unsigned char>(n[m_window - 1]))].push_back(static_cast<uint16_t>(k));
  }
  m_ends_at.assign(k_pairs + 1, 0);
  for (size_t p = 0; p < k_pairs; ++p) {
    m_ends_at[p] = static_cast<uint32_t>(m_ending.size());
    m_ending.insert(m_ending.end(), ending[p].begin(), ending[p].end());
  }
  m_ends_at[k_pairs] = static_cast<uint32_t>(m_ending.size());
}

template <typename Hit, typename More>
void NeedleSet::scan(std::string_view haystack, Hit&& hit, More&& more) const {
  if (m_window == 0 || haystack.size() < m_window) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(haystack.data());
  const size_t n = haystack.size();
  const uint8_t* jump = m_jump.data();
  for (size_t end = m_window - 1; end < n;) {
    const size_t p = pair_of(bytes[end - 1], bytes[end]);
    if (const size_t j = jump[p]) {
      end += j;
      continue;
    }
    // The window's last two bytes end the first m_window bytes of some needle: compare those.
    const size_t at = end + 1 - m_window;
    for (uint32_t c = m_ends_at[p]; c < m_ends_at[p + 1]; ++c) {
      const std::string& needle = m_needles[m_ending[c]];
      if (n - at >= needle.size() && iequals(haystack.substr(at, needle.size()), needle)) hit(m_ending[c], at);
    }
    if (!more()) return;
    ++end;
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
