#include "util/needles.hpp"

#include "util/text.hpp"

namespace amable::util {

size_t NeedleSet::pair_of(char a, char b) {
  return static_cast<size_t>(static_cast<unsigned char>(ascii_lower(a))) << 8 |
         static_cast<unsigned char>(ascii_lower(b));
}

NeedleSet::NeedleSet(const std::vector<std::string>& needles) {
  for (const auto& n : needles) {
    m_needles.push_back(to_lower_ascii(n));
    if (n.size() < 2)
      m_short.push_back(m_needles.size() - 1);
    else
      m_pairs.set(pair_of(n[0], n[1]));
  }
}

const std::string* NeedleSet::first_in_list(std::string_view haystack) const {
  size_t best = m_needles.size();
  for (size_t i : m_short)
    if (i < best && icontains(haystack, m_needles[i])) best = i;
  for (size_t i = 0; i + 1 < haystack.size() && best > 0; ++i) {
    if (!m_pairs.test(pair_of(haystack[i], haystack[i + 1]))) continue;
    const std::string_view rest = haystack.substr(i);
    for (size_t k = 0; k < best; ++k) {
      const std::string& n = m_needles[k];
      if (n.size() >= 2 && rest.size() >= n.size() && iequals(rest.substr(0, n.size()), n)) {
        best = k;
        break;
      }
    }
  }
  return best < m_needles.size() ? &m_needles[best] : nullptr;
}

}  // namespace amable::util
