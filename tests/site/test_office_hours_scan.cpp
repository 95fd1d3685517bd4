// The hand-written scans of office_hours.cpp agree with the regular expressions they stand
// for: short_day_range() with its regex everywhere, may_hold_time_range() never says "no"
// where the time-range regex finds a match, and find_time_range() (the regex on windows) finds
// the match the regex finds in the whole text.
#include <doctest/doctest.h>

#include <random>
#include <regex>

#include "helpers.hpp"
#include "site/office_hours.hpp"

using namespace amable;

namespace {

bool day_regex(const std::string& s) {
  static const std::regex r(R"(\b(L\s?-\s?V|L\s?a\s?V|L\s?-\s?S|Mo\s?-\s?Fr|M\s?-\s?F)\b)");
  return std::regex_search(s, r);
}

bool range_regex(const std::string& s, std::smatch& m) {
  static const std::regex r(
      R"((?:^|[^\d:.,/])((?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?\s?(?:a\.?\s?m\.?|p\.?\s?m\.?|hs?\.?|hrs?\.?|horas)?)\s?(?:-|to|a|al|hasta|till|until)\s?((?:[01]?\d|2[0-4])(?:[:.h][0-5]\d)?\s?(?:a\.?\s?m\.?|p\.?\s?m\.?|hs?\.?|hrs?\.?|horas)?)(?![\d/])(?=$|[^\w]|hs|hrs))",
      std::regex::icase);
  return std::regex_search(s, m, r);
}

// find_time_range() finds the whole-text regex's first match, with the same groups.
void check_text(const std::string& s) {
  CAPTURE(s);
  CHECK(site::short_day_range(s) == day_regex(s));
  std::smatch m;
  const bool whole = range_regex(s, m);
  if (whole) CHECK(site::may_hold_time_range(s));
  const auto found = site::find_time_range(s);
  REQUIRE(found.has_value() == whole);
  if (!whole) return;
  CHECK(found->pos == static_cast<size_t>(m.position(0)));
  CHECK(found->length == static_cast<size_t>(m.length(0)));
  CHECK(found->from == m.str(1));
  CHECK(found->to == m.str(2));
}

}  // namespace

TEST_CASE("office-hours scans: examples") {
  for (const char* s : {"L-V 9:00-18:00", "L a V de 9 a 14", "Mo - Fr 8am to 5pm", "M-F", "XL-V", "L-Vx", "Lunes a viernes",
                        "9 a 5", "8 a. m. hasta 6 p. m.", "de 10hs al 18hs", "size 9-12", "Tel 020 7123 4567", "L\tV", "M -F"})
    check_text(s);
  CHECK(site::short_day_range("Horario: L-V"));
  CHECK_FALSE(site::short_day_range("XL-V"));
  CHECK_FALSE(site::may_hold_time_range("Price 45.00 and 30 days"));
}

TEST_CASE("office-hours scans: agree with the regexes on random text") {
  std::mt19937 rng(3);
  const std::string alphabet = "LMoFrVSa-tuhpm 0123:.9/,aA";
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (size_t i = 0, n = rng() % 14; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
    check_text(s);
  }
  // Long texts, where the windows matter: ranges far from the start, near each other, and
  // separators with no range around them.
  const std::vector<std::string> pieces = {"Mon-Fri ", "9am-5pm", " 10 a 14 hs", "size 9-12 ", "Tel 020 7123 4567 ", "lorem ipsum dolor ",
                                           "8 a. m. hasta 6 p. m.", "2-4 days ", "12:30", " al ", "until 18", "a", "-", " "};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (size_t i = 0, n = rng() % 24; i < n; ++i) s += pieces[rng() % pieces.size()];
    check_text(s);
  }
}

TEST_CASE("office-hours scans: agree with the regexes on every text block of the corpus") {
  const auto blocks = test::corpus_block_texts();
  if (blocks.empty()) {
    MESSAGE("../shared/corpus is absent: corpus comparison skipped");
    return;
  }
  for (const auto& b : blocks) check_text(b);
  CHECK(blocks.size() > 1000);
}
