#include <doctest/doctest.h>

#include <map>
#include <set>

#include "text/lexicon.hpp"
#include "text/tokens.hpp"
#include "util/embedded.hpp"
#include "util/text.hpp"

using namespace amable;

TEST_CASE("lexicons: every file is well formed and English and Spanish have the same sections") {
  std::map<std::string, std::map<std::string, std::set<std::string>>> sections;  // name -> lang -> sections
  for (const auto& f : embedded::lexicons()) {
    CAPTURE(std::string(f.path));
    const auto slash = f.path.find('/');
    REQUIRE(slash != std::string_view::npos);
    const std::string lang(f.path.substr(0, slash));
    const std::string name(f.path.substr(slash + 1));
    std::string section = "default";
    size_t phrases = 0;
    for (auto raw : util::split(f.content, '\n')) {
      const auto line = util::trim(raw);
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[') {
        CHECK_MESSAGE(line.back() == ']', std::string(line));  // a header with a phrase glued to it
        section = std::string(line.substr(1, line.size() - 2));
        sections[name][lang].insert(section);
        continue;
      }
      CHECK_MESSAGE(line.find(']') == std::string_view::npos, std::string(line));
      ++phrases;
    }
    CHECK(phrases > 0);
  }
  for (const auto& [name, langs] : sections) {
    if (!langs.contains("en") || !langs.contains("es")) continue;
    CHECK_MESSAGE(langs.at("en") == langs.at("es"), name);
  }
}

TEST_CASE("lexicons: exact phrases ignore case and accents and respect word boundaries") {
  const auto& set = text::lexicon("key-pages").phrases("returns", "es");
  CHECK(set.matches("POLÍTICA DE DEVOLUCIONES", "es"));
  CHECK(set.matches("politica de devoluciones", "es"));
  CHECK_FALSE(set.matches("devolucionesx", "es"));
}

TEST_CASE("lexicons: stem entries match inflected forms in running text") {
  const auto& terms = text::lexicon("return-policy").phrases("terms", "en");
  CHECK(terms.matches("Items returned after 30 days", "en"));
  const auto& es = text::lexicon("return-policy").phrases("terms", "es");
  CHECK(es.matches("Aceptamos devoluciones", "es"));
  CHECK(es.matches("Para devolver un artículo", "es"));
}

TEST_CASE("tokens: keep byte ranges of the source and fold each word") {
  text::Tokens t("¿Dónde está mi pedido? You’ll see");
  REQUIRE(t.size() == 6);
  CHECK(t.folded(0) == "donde");
  CHECK(t.original(0) == "Dónde");
  CHECK(t.source().substr(t.begin(1), t.end(1) - t.begin(1)) == "está");
  CHECK(t.folded(4) == "you'll");
  CHECK(t.capitalised(4));
}
