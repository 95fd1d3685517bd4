#include "text/syllables.hpp"

#include <string>
#include <vector>

#include "util/text.hpp"

namespace amable::text {
namespace {

enum class V { none, strong, weak, weak_accented };

// Classifies a Spanish letter: a e o (and accented) are strong; i u ü weak; í ú break a diphthong.
V spanish_vowel(char32_t c) {
  switch (c) {
    case 'a': case 'e': case 'o': case U'á': case U'é': case U'ó': return V::strong;
    case 'i': case 'u': case U'ü': return V::weak;
    case U'í': case U'ú': return V::weak_accented;
    default: return V::none;
  }
}

}  // namespace

int syllables_es(std::string_view word) {
  std::vector<char32_t> cps;
  for (size_t i = 0; i < word.size();) cps.push_back(util::next_code_point(word, i));
  int count = 0;
  V prev = V::none;
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    // "qu"/"gu" before e/i: the u is silent.
    if (c == 'u' && i > 0 && (cps[i - 1] == 'q' || cps[i - 1] == 'g') && i + 1 < cps.size() &&
        (cps[i + 1] == 'e' || cps[i + 1] == 'i' || cps[i + 1] == U'é' || cps[i + 1] == U'í')) {
      continue;
    }
    // A final y after a vowel is a vowel (hay, muy, rey): part of the previous nucleus.
    V v = spanish_vowel(c);
    if (c == 'y' && i + 1 == cps.size() && prev != V::none) v = V::weak;
    if (v == V::none) {
      prev = V::none;
      continue;
    }
    if (prev == V::none) {
      ++count;
    } else {
      // Two strong vowels, or an accented weak one, are a hiatus: a new syllable.
      const bool hiatus = (prev == V::strong && v == V::strong) || v == V::weak_accented ||
                          prev == V::weak_accented;
      if (hiatus) ++count;
    }
    prev = v;
  }
  return count == 0 ? 1 : count;
}

int syllables_en(std::string_view word) {
  std::string w;
  for (char c : word)
    if (util::is_ascii_alpha(c)) w.push_back(util::ascii_lower(c));
  if (w.empty()) return 1;
  if (w.size() <= 3) return 1;
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  int count = 0;
  bool prev = false;
  for (size_t i = 0; i < w.size(); ++i) {
    const bool v = vowel(w[i]) && !(w[i] == 'y' && i == 0);
    if (v && !prev) ++count;
    prev = v;
  }
  // Silent final e ("make"), but not "-le" after a consonant ("table") or "-ee".
  if (w.back() == 'e' && !(w.size() > 2 && w[w.size() - 2] == 'l' && !vowel(w[w.size() - 3])) &&
      !(w.size() > 1 && w[w.size() - 2] == 'e'))
    --count;
  // "-ed" after anything but t/d is silent ("shipped"), "-es" after non-sibilants ("makes").
  if (w.size() > 3 && w.ends_with("ed") && w[w.size() - 3] != 't' && w[w.size() - 3] != 'd') --count;
  if (w.size() > 3 && w.ends_with("es") && std::string("sxzgc").find(w[w.size() - 3]) == std::string::npos &&
      !(w.size() > 4 && w.substr(w.size() - 4, 2) == "sh") && !(w.size() > 4 && w.substr(w.size() - 4, 2) == "ch"))
    --count;
  // "-ia", "-io", "-ua" vowel pairs split ("patio", "actual"), "-tion" does not.
  for (size_t i = 0; i + 1 < w.size(); ++i)
    if ((w[i] == 'i' && (w[i + 1] == 'a' || w[i + 1] == 'o') && !(i > 0 && w[i - 1] == 't')) ||
        (w[i] == 'u' && w[i + 1] == 'a'))
      ++count;
  return count < 1 ? 1 : count;
}

int syllables(std::string_view word, std::string_view lang) {
  return lang == "es" ? syllables_es(word) : syllables_en(word);
}

}  // namespace amable::text
