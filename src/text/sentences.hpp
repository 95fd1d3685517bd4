#pragma once
// Sentences of a text block, for readability and for "in the same sentence" checks. Ends at
// '.', '!', '?', '…' and line breaks, but not after abbreviations (e.g., Sr., S.L., Avda.)
// or inside numbers (1.299,00). Block ends are hard boundaries already (RULES.md §0.3).
#include <string_view>
#include <vector>

namespace amable::text {

struct Range {
  size_t begin = 0, end = 0;
};

std::vector<Range> sentences(std::string_view text);

}  // namespace amable::text
