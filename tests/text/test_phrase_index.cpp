// The phrase index (text/phrase_index.hpp) only lets a set skip texts it cannot match: every
// answer with it must equal the answer of the set's own scan. A text's first question is
// answered by the scan, so a fresh Tokens asked once gives the scanning answer, and a Tokens
// asked a second time gives the index's.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "text/lexicon.hpp"
#include "text/phrase_index.hpp"
#include "text/tokens.hpp"
#include "util/embedded.hpp"
#include "util/text.hpp"

using namespace amable;

namespace {

struct Answer {
  std::optional<text::PhraseMatch> first;
  std::vector<text::PhraseMatch> all;
};

bool same(const std::optional<text::PhraseMatch>& a, const std::optional<text::PhraseMatch>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->first == b->first && a->count == b->count && a->entry == b->entry);
}

bool same(const Answer& a, const Answer& b) {
  if (!same(a.first, b.first) || a.all.size() != b.all.size()) return false;
  for (size_t i = 0; i < a.all.size(); ++i)
    if (!same(std::optional(a.all[i]), std::optional(b.all[i]))) return false;
  return true;
}

// The set's answers on `text`, scanned (fresh tokens, first question) ...
Answer scanned(const text::PhraseSet& set, const std::string& text, std::string_view lang) {
  Answer a;
  a.first = set.find_first(text::Tokens(text), lang);
  a.all = set.find_all(text::Tokens(text), lang);
  return a;
}

// ... and through the index (the tokens' first question spent on `other`).
Answer indexed(const text::PhraseSet& set, const text::PhraseSet& other, const std::string& text, std::string_view lang) {
  const text::Tokens t(text);
  (void)other.find_first(t, lang);
  Answer a;
  a.first = set.find_first(t, lang);
  a.all = set.find_all(t, lang);
  return a;
}

}  // namespace

TEST_CASE("phrase index: a set skips a text only when it holds none of the set's first words") {
  text::PhraseSet returns, hours, short_stem;
  returns.add("return policy", false, "en");
  returns.add("refunds", true, "en");  // a stem phrase: "refund", "refunded"
  returns.add("devoluciones", false, "es");
  hours.add("opening hours", false, "en");
  hours.add("horario", true, "es");
  short_stem.add("a domicilio", true, "es");  // a stem phrase whose first word is one byte
  text::PhraseIndex index;
  for (auto* s : {&returns, &hours, &short_stem}) index.enrol(*s);
  index.finish();
  CHECK(index.sets() == 3);

  const text::Tokens t("Read our Return Policy before you ask for a refund.");
  CHECK(index.may_match(returns, t));  // the first question is not answered from marks
  CHECK(index.may_match(returns, t));  // "return" starts a phrase of the set
  CHECK_FALSE(index.may_match(hours, t));
  CHECK(index.may_match(short_stem, t));  // always tried, as its scan would

  // Inflected stems are found by their first two folded bytes, accents ignored.
  const text::Tokens es("Nuestros HORARIOS de atención");
  (void)index.may_match(returns, es);
  CHECK(index.may_match(hours, es));
  CHECK(hours.find_first(es, "es").has_value());
  CHECK_FALSE(returns.find_first(es, "es").has_value());
  CHECK(returns.find_first(t, "en")->first == 2);
  CHECK(returns.find_all(t, "en").size() == 2);  // "Return Policy", "refund"
}

TEST_CASE("phrase index: a set of thousands of phrases is not indexed, and still answers") {
  text::PhraseSet names, small;
  for (int i = 0; i < 2500; ++i) names.add("name" + std::to_string(i), false, "en");
  small.add("opening hours", false, "en");
  text::PhraseIndex index;
  index.enrol(names);
  index.enrol(small);
  index.finish();
  const text::Tokens t("nothing of either here");
  (void)index.may_match(small, t);
  CHECK(index.may_match(names, t));  // always tried
  CHECK_FALSE(index.may_match(small, t));
  CHECK_FALSE(names.find_first(t, "en").has_value());
  const text::Tokens hit("ask name2499 about it");
  (void)small.find_first(hit, "en");
  CHECK(names.find_first(hit, "en")->first == 1);
}

TEST_CASE("phrase index: a set that is not enrolled scans, and enrolling after finish is refused") {
  text::PhraseSet a;
  a.add("return policy", false, "en");
  text::PhraseIndex index;
  index.finish();
  CHECK_THROWS_AS(index.enrol(a), std::logic_error);
  const text::Tokens t("our return policy");
  CHECK(a.find_first(t, "en").has_value());
  CHECK(a.find_first(t, "en").has_value());
}

TEST_CASE("phrase index: every lexicon set answers with the index exactly as it scans") {
  // Every (lexicon, file language, section) of the embedded files, each tried on texts made
  // of its own phrases (inflected, glued into sentences: most of these should match) and of
  // other sets' phrases (most should not), in English, Spanish and an unknown language.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> sets;
  for (const auto& f : embedded::lexicons()) {
    const auto slash = f.path.find('/');
    const std::string lang(f.path.substr(0, slash));
    const std::string name(f.path.substr(slash + 1, f.path.size() - slash - 5));
    std::string section = "default";
    for (auto raw : util::split(f.content, '\n')) {
      auto line = util::trim(raw);
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[') {
        section = std::string(line.substr(1, line.size() - 2));
        continue;
      }
      if (line.starts_with("stem:")) line = util::trim(line.substr(5));
      if (line.starts_with("exact:")) line = util::trim(line.substr(6));
      auto& own = sets[{name, lang, section}];
      if (own.size() < 12) own.emplace_back(line);
    }
  }
  REQUIRE(sets.size() > 100);
  std::vector<std::string> everyone;
  for (const auto& [key, own] : sets) everyone.insert(everyone.end(), own.begin(), own.end());
  const text::PhraseSet& other = text::lexicon("office-hours").phrases("days", "en");
  size_t compared = 0, found = 0;
  for (const auto& [key, own] : sets) {
    const auto& [name, file_lang, section] = key;
    std::vector<std::string> texts = {"", "a", "Nothing here, 12345."};
    for (size_t i = 0; i < own.size(); ++i) {
      const std::string& stranger = everyone[(compared + i * 131) % everyone.size()];
      texts.push_back("Please see " + own[i] + " and " + stranger + " today.");
      texts.push_back(util::to_lower_ascii(own[i]) + "es, " + own[(i + 1) % own.size()] + "ing");
      texts.push_back(stranger + " " + everyone[(compared + i * 37 + 5) % everyone.size()]);
    }
    for (const std::string lang : {"en", "es", ""}) {
      const text::PhraseSet& set = text::lexicon(name).phrases(section, file_lang == "any" ? lang : file_lang);
      for (const auto& text : texts) {
        const auto a = scanned(set, text, lang);
        CHECK_MESSAGE(same(a, indexed(set, other, text, lang)), name << "/" << file_lang << "/" << section << " in " << lang << " on: " << text);
        found += a.first.has_value();
        ++compared;
      }
    }
  }
  MESSAGE(compared << " comparisons, " << found << " with a match");
  CHECK(found * 4 > compared);  // the texts hold phrases of the sets: hits are compared, not only misses
}
