#include "util/needles.hpp"

#include "util/text.hpp"

namespace amable::util {
namespace {

// The first `n` bytes of `s`, lower case, as the scan's rolling word holds them.
uint32_t word_of(std::string_view s, size_t n) {
  uint32_t w = 0;
  for (size_t i = 0; i < n; ++i) w = w << 8 | static_cast<unsigned char>(ascii_lower(s[i]));
  return w;
}

}  // namespace

NeedleSet::NeedleSet(const std::vector<std::string>& needles) {
  for (const auto& n : needles) {
    m_needles.push_back(to_lower_ascii(n));
    if (n.size() < 2)
      m_short.push_back(m_needles.size() - 1);
    else if (n.size() < 4)
      m_pairs.set(word_of(n, 2));
    else
      m_quads.set(quad_bit(word_of(n, 4)));
  }
}

const std::string* NeedleSet::first_in_list(std::string_view haystack) const {
  size_t best = m_needles.size();
  for (size_t i : m_short)
    if (i < best && icontains(haystack, m_needles[i])) best = i;
  // Needles of at least `min` bytes (and fewer than `max`) that start at `at`.
  auto try_at = [&](size_t at, size_t min, size_t max) {
    const std::string_view rest = haystack.substr(at);
    for (size_t k = 0; k < best; ++k) {
      const std::string& n = m_needles[k];
      if (n.size() >= min && n.size() < max && rest.size() >= n.size() && iequals(rest.substr(0, n.size()), n)) {
        best = k;
        return;
      }
    }
  };
  uint32_t w = 0;  // the last four bytes read, lower case, the latest in the low byte
  for (size_t i = 0; i < haystack.size() && best > 0; ++i) {
    w = w << 8 | static_cast<unsigned char>(ascii_lower(haystack[i]));
    if (i >= 1 && m_pairs.test(w & 0xFFFF)) try_at(i - 1, 2, 4);
    if (i >= 3 && m_quads.test(quad_bit(w))) try_at(i - 3, 4, std::string::npos);
  }
  return best < m_needles.size() ? &m_needles[best] : nullptr;
}

}  // namespace amable::util
