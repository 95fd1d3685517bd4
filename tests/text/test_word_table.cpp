// WordTable: folded words found by the hash each token already has, and only by the word.
#include <doctest/doctest.h>

#include "text/tokens.hpp"
#include "text/word_table.hpp"

using namespace amable;

TEST_CASE("word table: a token is found by its folded form, whatever its case and accents") {
  text::WordTable<int> t;
  t["usted"] = 1;
  t["devolucion"] = 2;
  t["you'll"] = 3;
  t["devolucion"] += 10;  // the same entry, not a second one
  const text::Tokens words("USTED pide una Devolución; you’ll see ustedes");
  REQUIRE(words.size() == 7);
  REQUIRE(t.find(words, 0));
  CHECK(*t.find(words, 0) == 1);
  CHECK_FALSE(t.find(words, 1));
  CHECK(*t.find(words, 3) == 12);
  CHECK(*t.find(words, 4) == 3);  // the typographic apostrophe folds to the ASCII one
  CHECK_FALSE(t.contains(words, 6));  // "ustedes" is another word
  CHECK(t.contains("usted"));
  CHECK_FALSE(t.contains("Usted"));  // a string is looked up as given: folded words only
}

TEST_CASE("word set: holds what was inserted and nothing else") {
  text::WordSet s;
  CHECK_FALSE(s.contains("we"));
  s.insert("we");
  s.insert("our");
  const text::Tokens t("We love our customers");
  CHECK(s.contains(t, 0));
  CHECK_FALSE(s.contains(t, 1));
  CHECK(s.contains(t, 2));
  CHECK_FALSE(s.contains(t, 3));
}
