#include "util/needles.hpp"

#include <array>

#include "util/text.hpp"

namespace amable::util {
namespace {

constexpr auto k_lower = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<size_t>(c)] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

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
      m_pairs.set(word_of(n, 2)), m_any_pairs = true;
    else
      m_quads.set(quad_bit(word_of(n, 4)));
  }
}

template <typename Hit, typename More>
void NeedleSet::scan(std::string_view haystack, Hit&& hit, More&& more) const {
  // The last four bytes read, lower case, the latest in the low byte. Bytes before the start
  // read as 0xFF, which no ASCII needle has, so the first positions need no test of their own.
  uint32_t w = 0xFFFFFFFF;
  const auto* bytes = reinterpret_cast<const unsigned char*>(haystack.data());
  const size_t n = haystack.size();
  if (m_any_pairs) {
    for (size_t i = 0; i < n && more(); ++i) {
      w = w << 8 | k_lower[bytes[i]];
      if (m_pairs[w & 0xFFFF]) hit(i - 1, 2, 4);
      if (m_quads[quad_bit(w)]) hit(i - 3, 4, std::string::npos);
    }
  } else {
    for (size_t i = 0; i < n && more(); ++i) {
      w = w << 8 | k_lower[bytes[i]];
      if (m_quads[quad_bit(w)]) [[unlikely]] hit(i - 3, 4, std::string::npos);
    }
  }
}

bool NeedleSet::starts_at(std::string_view haystack, size_t at, size_t k, size_t min, size_t max) const {
  const std::string& n = m_needles[k];
  // `at` past the end: a hashed hit that reaches before the start.
  return at < haystack.size() && n.size() >= min && n.size() < max && haystack.size() - at >= n.size() &&
         iequals(haystack.substr(at, n.size()), n);
}

const std::string* NeedleSet::first_in_list(std::string_view haystack) const {
  size_t best = m_needles.size();
  for (size_t i : m_short)
    if (i < best && icontains(haystack, m_needles[i])) best = i;
  auto try_at = [&](size_t at, size_t min, size_t max) {
    for (size_t k = 0; k < best; ++k)
      if (starts_at(haystack, at, k, min, max)) best = k;
  };
  scan(haystack, try_at, [&] { return best > 0; });
  return best < m_needles.size() ? &m_needles[best] : nullptr;
}

std::vector<bool> NeedleSet::all_in(std::string_view haystack) const {
  std::vector<bool> found(m_needles.size(), false);
  for (size_t i : m_short) found[i] = icontains(haystack, m_needles[i]);
  auto mark = [&](size_t at, size_t min, size_t max) {
    for (size_t k = 0; k < m_needles.size(); ++k)
      if (!found[k] && starts_at(haystack, at, k, min, max)) found[k] = true;
  };
  scan(haystack, mark, [] { return true; });
  return found;
}

}  // namespace amable::util
