#pragma once
// Unicode folding for matching: NFC, case folding and (optionally) accent stripping, with
// utf8proc. "Política de DEVOLUCIÓN" folds to "politica de devolucion".
#include <string>
#include <string_view>

namespace amable::text {

// Case-folded and accent-stripped.
std::string fold(std::string_view utf8);
// Case-folded only: the form Snowball stemmers expect (Spanish suffixes carry accents).
std::string case_fold(std::string_view utf8);

// Unicode general category of a code point, coarsely: is it part of a word?
bool is_word_char(char32_t cp);
bool is_letter(char32_t cp);
bool is_upper(char32_t cp);

}  // namespace amable::text
