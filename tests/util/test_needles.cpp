// NeedleSet: one pass for many needles, and always the answer of icontains tried needle by
// needle in list order.
#include <doctest/doctest.h>

#include <random>

#include "util/needles.hpp"
#include "util/text.hpp"

using amable::util::NeedleSet;

TEST_CASE("needles: finds any needle in any case, preferring the earliest in the list") {
  const NeedleSet set({"widget.intercom.io", "embed.tawk.to", "wa.me", "x"});
  CHECK(*set.first_in_list("s.src='https://EMBED.TAWK.TO/123';") == "embed.tawk.to");
  CHECK(*set.first_in_list("https://wa.me/34600 and widget.Intercom.io") == "widget.intercom.io");
  CHECK(*set.first_in_list("only an X here") == "x");
  CHECK(set.first_in_list("nothing to see") == nullptr);
  CHECK(NeedleSet({"ab"}).first_in_list("a") == nullptr);
  CHECK(NeedleSet({}).first_in_list("anything") == nullptr);
}

TEST_CASE("needles: agrees with icontains on random text") {
  const std::vector<std::string> needles = {"ab", "bca", "cab", "aaa", "cc", "abcab", "b", "cabc", "bbbbb"};
  const NeedleSet set(needles);
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string hay;
    const size_t len = rng() % 30;
    for (size_t i = 0; i < len; ++i) hay.push_back("abcABC "[rng() % 7]);
    const std::string* expected = nullptr;
    for (const auto& n : needles)
      if (amable::util::icontains(hay, n)) {
        expected = &n;
        break;
      }
    const std::string* got = set.first_in_list(hay);
    CAPTURE(hay);
    REQUIRE((got == nullptr) == (expected == nullptr));
    if (got) CHECK(*got == *expected);
    const std::vector<bool> all = set.all_in(hay);
    for (size_t k = 0; k < needles.size(); ++k) CHECK(all[k] == amable::util::icontains(hay, needles[k]));
  }
}

TEST_CASE("needles: long needles of mixed lengths agree with icontains on long random text") {
  // The window is as long as the shortest needle of four bytes or more, and jumps over pairs
  // no needle begins with: needles of many lengths, sharing pairs, over text from a small
  // alphabet (so they occur often), with upper case, non-ASCII bytes and needles at both ends.
  std::mt19937 rng(23);
  const std::string alphabet = "abcdAB.-\xC3\xA9 ";
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> needles;
    for (size_t k = 0, count = 1 + rng() % 8; k < count; ++k) {
      std::string n;
      for (size_t i = 0, len = 2 + rng() % 9; i < len; ++i) n.push_back(alphabet[rng() % 8]);  // no bytes of é
      needles.push_back(n);
    }
    const NeedleSet set(needles);
    std::string hay;
    for (size_t i = 0, len = rng() % 400; i < len; ++i) hay.push_back(alphabet[rng() % alphabet.size()]);
    if (round % 3 == 0) hay = needles[0] + hay + needles.back();
    CAPTURE(hay);
    const std::vector<bool> all = set.all_in(hay);
    const std::string* expected = nullptr;
    for (size_t k = 0; k < needles.size(); ++k) {
      CAPTURE(needles[k]);
      const bool in = amable::util::icontains(hay, needles[k]);
      CHECK(all[k] == in);
      if (in && !expected) expected = &needles[k];
    }
    const std::string* got = set.first_in_list(hay);
    REQUIRE((got == nullptr) == (expected == nullptr));
    if (got) CHECK(*got == amable::util::to_lower_ascii(*expected));
  }
}

TEST_CASE("icontains: agrees with lower-casing both and searching, on random text") {
  std::mt19937 rng(11);
  for (int round = 0; round < 5000; ++round) {
    std::string hay, needle;
    for (size_t i = 0, n = rng() % 20; i < n; ++i) hay.push_back("aAbB1-"[rng() % 6]);
    for (size_t i = 0, n = 1 + rng() % 3; i < n; ++i) needle.push_back("aAbB1-"[rng() % 6]);
    const bool expected = amable::util::to_lower_ascii(hay).find(amable::util::to_lower_ascii(needle)) != std::string::npos;
    CAPTURE(hay);
    CAPTURE(needle);
    CHECK(amable::util::icontains(hay, needle) == expected);
  }
}
