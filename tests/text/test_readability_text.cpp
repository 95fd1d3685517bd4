// The pieces of the readability rule: syllable counts and the sentence splitter.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/sentences.hpp"
#include "text/syllables.hpp"

using namespace amable;

TEST_CASE("syllables: Spanish by rule, with diphthongs, hiatus and silent u") {
  CHECK(text::syllables_es("casa") == 2);
  CHECK(text::syllables_es("devolución") == 4);   // de-vo-lu-ción
  CHECK(text::syllables_es("tienda") == 2);       // tien-da: diphthong
  CHECK(text::syllables_es("envío") == 3);        // en-ví-o: the accent breaks it
  CHECK(text::syllables_es("poeta") == 3);        // po-e-ta: two strong vowels
  CHECK(text::syllables_es("queso") == 2);        // que-so: silent u
  CHECK(text::syllables_es("guitarra") == 3);     // gui-ta-rra
  CHECK(text::syllables_es("pingüino") == 3);     // pin-güi-no
  CHECK(text::syllables_es("Ciudad") == 2);       // ciu-dad
  CHECK(text::syllables_es("país") == 2);         // pa-ís
}

TEST_CASE("syllables: English heuristic on common shop words") {
  const std::vector<std::pair<std::string, int>> words = {
      {"cart", 1}, {"make", 1}, {"table", 2}, {"shipped", 1}, {"wanted", 2}, {"makes", 1}, {"boxes", 2},
      {"delivery", 4}, {"order", 2}, {"return", 2}, {"radio", 3}, {"station", 2}, {"free", 1}, {"you", 1}};
  for (const auto& [w, n] : words) {
    CAPTURE(w);
    CHECK(text::syllables_en(w) == n);
  }
  CHECK(text::syllables("poeta", "es") == 3);
  CHECK(text::syllables("poet", "en") >= 1);
}

namespace {
std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& r : text::sentences(s)) out.push_back(s.substr(r.begin, r.end - r.begin));
  return out;
}
}  // namespace

TEST_CASE("sentences: end at . ! ? … and line breaks") {
  CHECK(split("We ship fast. You pay less! Why wait? Order now… Done") ==
        std::vector<std::string>{"We ship fast.", "You pay less!", "Why wait?", "Order now…", "Done"});
  CHECK(split("Line one\nLine two") == std::vector<std::string>{"Line one", "Line two"});
}

TEST_CASE("sentences: abbreviations, initials and numbers do not end a sentence") {
  CHECK(split("Pregunta por la Sra. García en la Avda. de América. Gracias.") ==
        std::vector<std::string>{"Pregunta por la Sra. García en la Avda. de América.", "Gracias."});
  CHECK(split("Cuesta 1.299,00 euros. Envío gratis.").size() == 2);
  CHECK(split("Ask J. Smith, e.g. by phone. Thanks.").size() == 2);
  CHECK(split("Visit shop.example today. Bye.").size() == 2);
}
