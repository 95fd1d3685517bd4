#pragma once
// Syllable counts for readability formulas (RULES.md R15). Spanish is rule-based and
// reliable (vowel nuclei, diphthongs and hiatus); English is a heuristic accurate on average.
#include <string_view>

namespace amable::text {

// `word` is lower-case (accents kept for Spanish).
int syllables_es(std::string_view word);
int syllables_en(std::string_view word);
int syllables(std::string_view word, std::string_view lang);

}  // namespace amable::text
