// Tokens reads runs of ASCII letters or digits on a fast path; every other word goes through
// the general UTF-8 reader. Both must give the same tokens (bytes, folded form, hash): checked
// on hand-written edges, on random text made of the characters that switch paths, and on
// every block of the corpus.
#include <doctest/doctest.h>

#include <random>

#include "helpers.hpp"
#include "text/tokens.hpp"

using namespace amable;

namespace {

std::string dump(const text::Tokens& t) {
  std::string out;
  for (size_t i = 0; i < t.size(); ++i)
    out += std::string(t.folded(i)) + "@" + std::to_string(t.begin(i)) + "-" + std::to_string(t.end(i)) + "#" +
           std::to_string(t.hash(i)) + " ";
  return out;
}

void same_both_ways(const std::string& text) {
  CAPTURE(text);
  CHECK(dump(text::Tokens(text)) == dump(text::Tokens::read_generally(text)));
}

}  // namespace

TEST_CASE("tokens: the ASCII fast path splits and folds exactly as the general reader") {
  const text::Tokens t("Days7am-5PM you'll CANCIÓN 10€ rock'n'roll x_y ab'");
  CHECK(dump(t) == dump(text::Tokens::read_generally(t.source())));
  std::vector<std::string> folded;
  for (size_t i = 0; i < t.size(); ++i) folded.emplace_back(t.folded(i));
  CHECK(folded == std::vector<std::string>{"days", "7", "am", "5", "pm", "you'll", "cancion", "10", "rock'n'roll", "x", "y", "ab"});
  for (const char* s : {"", "a", "1", "'", "’", "A'", "'b", "é", "aé1", "1é", "9'9", "x’y", "ÁRBOL árbol", "a\xC2\xA0" "b", "\xFF" "abc",
                        "abc\xE2\x80", "l'été", "Ñandú42"})
    same_both_ways(s);
}

TEST_CASE("tokens: fast path and general reader agree on random mixed text") {
  const std::vector<std::string> pieces = {"a", "B", "z", "0", "7", " ", ".", "'", "\xE2\x80\x99", "\xC3\xA9", "\xC3\x91", "_", "-", "\xE2\x82\xAC",
                                           "\xD9\xA3" /* an Arabic-Indic digit */, "\xFF"};
  std::mt19937 rng(5);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (size_t i = 0, n = rng() % 24; i < n; ++i) s += pieces[rng() % pieces.size()];
    same_both_ways(s);
  }
}

TEST_CASE("tokens: fast path and general reader agree on every corpus block") {
  const auto blocks = test::corpus_block_texts();
  if (blocks.empty()) {
    MESSAGE("../shared/corpus is absent: corpus comparison skipped");
    return;
  }
  for (const auto& b : blocks) same_both_ways(b);
  CHECK(blocks.size() > 1000);
}
