// A report fits its shop: a Spanish shop in the default (auto) language reads Spanish from end to
// end; a US shop hears no Spanish or European law, id or example; an Irish shop's numbers and
// laws are Irish.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "text/tokens.hpp"

using namespace amable;
using test::run_amable;
namespace fs = std::filesystem;

namespace {

// The report's own words: markup, style, URLs, file names and rule ids (which stay English in
// every language) taken out.
std::string prose_of(std::string text, bool markup) {
  auto drop = [&](const char* pattern) { text = std::regex_replace(text, std::regex(pattern), " "); };
  if (markup) {
    drop(R"(<style[\s\S]*?</style>)");
    drop(R"(<[^>]*>)");
    drop(R"(&[a-z#0-9]+;)");
  }
  drop(R"(https?://\S+)");
  drop(R"([\w./-]+\.(html|php|es|json|pdf)\b)");
  drop(R"(\b[a-z]+(-[a-z0-9]+)+\b)");
  drop(R"(--[a-z-]+)");
  return text;
}

// English words that are not Spanish words too (no "no", "a", "de"), the words report chrome is
// made of.
std::set<std::string> english_words(const std::string& prose) {
  static const std::set<std::string> k_english = {
      "the", "and", "with", "of", "is", "are", "not", "page", "pages", "missing", "why", "what", "fix", "score", "rule", "rules",
      "pass", "warn", "fail", "found", "shown", "number", "phone", "address", "hours", "policy", "privacy", "returns", "contact",
      "search", "help", "known", "new", "more", "every", "only", "from", "for", "this", "that", "has", "have", "your", "you",
      "shop", "customer", "customers", "read", "weight", "coverage", "whole", "site", "report", "first", "matters", "link",
      "excellent", "good", "fair", "poor", "failing", "when", "there", "which", "evidence", "points", "audit", "show"};
  std::set<std::string> out;
  const text::Tokens t(prose);
  for (size_t i = 0; i < t.size(); ++i)
    if (k_english.contains(std::string(t.folded(i)))) out.insert(std::string(t.original(i)));
  return out;
}

std::string joined(const std::set<std::string>& s) {
  std::string out;
  for (const auto& w : s) out += w + " ";
  return out;
}

}  // namespace

TEST_CASE("report fit: a Spanish shop in the default language gets Spanish in every human format and in explain") {
  test::TempDir dir;
  const auto r = run_amable({"audit", (test::source_dir() / "examples" / "tienda-amable").string(), "-o", (dir / "r.txt").string(),
                             "-o", (dir / "r.md").string(), "-o", (dir / "r.html").string(), "-o", (dir / "r.json").string()});
  REQUIRE(r.exit_code == 0);
  CHECK(english_words(prose_of(r.out, false)).empty());
  for (const std::string file : {"r.txt", "r.md", "r.html"}) {
    CAPTURE(file);
    const auto words = english_words(prose_of(test::read_file(dir / file), file.ends_with(".html")));
    CHECK_MESSAGE(words.empty(), "English words: " << joined(words));
  }
  CHECK(nlohmann::json::parse(test::read_file(dir / "r.json"))["report_language"] == "es");
  const auto explain = run_amable({"explain", "return-policy", "--report-lang", "es"});
  CHECK(explain.exit_code == 0);
  CHECK(english_words(prose_of(explain.out, false)).empty());
  // The scan can fail: the same shop told in English is full of English words.
  const auto en = run_amable({"audit", (test::source_dir() / "examples" / "tienda-amable").string(), "--report-lang", "en"});
  CHECK(english_words(prose_of(en.out, false)).size() > 10);
}

TEST_CASE("report fit: a page that could not be read is explained in the report's language") {
  test::TempDir dir;
  test::write_file(dir / "index.html", test::html_page("es", "Mantas de lana | Tienda", "<h1>Mantas de lana</h1><a href=\"falta.html\">Ofertas</a>"));
  const auto es = run_amable({"audit", dir.path().string(), "--color", "never"});
  CHECK(es.out.find("falta.html: archivo no encontrado") != std::string::npos);
  CHECK(es.out.find("file not found") == std::string::npos);
  const auto en = run_amable({"audit", dir.path().string(), "--report-lang", "en", "-f", "json"});
  CHECK(nlohmann::json::parse(en.out)["errors"][0]["error"] == "file not found");
}

TEST_CASE("report fit: a Houston shop's report names no Spanish or EU law, id or example, and its examples are its own") {
  test::TempDir dir;
  const std::string footer = "<footer><p>Benmar Bikes, 440 Benmar Dr Suite 2017, Houston, TX 77060</p></footer>";
  test::write_file(dir / "index.html", test::html_page("en-US", "Benmar Bikes | Road and gravel bikes in Houston",
      "<h1>Road and gravel bikes in Houston</h1><p>Find your next bike: we fit every bike we sell. Prices from $499.</p>"
      "<p>Call us at (832) 218-1782.</p><a href=\"bikes.html\">Bikes</a>" + footer));
  test::write_file(dir / "bikes.html", test::html_page("en-US", "Bikes | Benmar Bikes",
      "<h1>Bikes</h1><p>Gravel bike, $1,299. Road bike, $999. Add to cart.</p>" + footer));
  const auto r = run_amable({"audit", dir.path().string(), "-o", (dir / "r.json").string(), "-o", (dir / "r.md").string(),
                             "-o", (dir / "r.html").string()});
  const auto j = nlohmann::json::parse(test::read_file(dir / "r.json"));
  CHECK(j["shop"]["name"] == "Benmar Bikes");
  CHECK(j["shop"]["country"] == "US");
  CHECK(j["shop"]["jurisdiction"] == "us");
  for (const std::string file : {"r.json", "r.md", "r.html"}) {
    CAPTURE(file);
    const auto text = test::read_file(dir / file);
    for (const char* spanish : {"NIF", "LSSI", "TRLGDCU", "RGPD", "GDPR", "LOPDGDD", "VAT", "901", "902", "peninsular", "marta", "Marta",
                                "914 475", ".es", "Spain", " EU ", "Ley "})
      CHECK_MESSAGE(text.find(spanish) == std::string::npos, spanish);
    CHECK(text.find("218-1782") != std::string::npos);  // the fix quotes the shop's own number
  }
  CHECK(test::read_file(dir / "r.md").starts_with("## amable: Benmar Bikes"));
}

TEST_CASE("report fit: an Irish shop's 1890 number is not a Spanish 901/902 number, and Irish law is cited, not Spanish") {
  test::TempDir dir;
  test::write_file(dir / "index.html", test::html_page("en-IE", "Clare Wool | Blankets from Ennis",
      "<h1>Wool blankets from Ennis</h1><p>Blankets woven in County Clare, from \xE2\x82\xAC" "89. Add to basket.</p>"
      "<p>Returns: you have 7 days to return an item.</p>"
      "<footer><p>Clare Wool Ltd, 12 Abbey Street, Ennis, Co. Clare, V95 T2X8. Call 1890 252 525.</p></footer>"));
  const auto r = run_amable({"audit", dir.path().string(), "-f", "json"});
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["shop"]["country"] == "IE");
  CHECK(j["shop"]["jurisdiction"] == "uk-ie");
  const std::string all = r.out;
  for (const char* spanish : {"901/902", "LSSI", "TRLGDCU", "LOPDGDD", "NIF", "peninsular"}) CHECK_MESSAGE(all.find(spanish) == std::string::npos, spanish);
  CHECK(all.find("Irish") != std::string::npos);  // the 14-day right to cancel, as Irish law gives it
}
