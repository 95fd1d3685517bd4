// The message catalog (rules/messages/*.json): every code speaks both report languages with the
// same data, every code the rules use exists, and templates fill as documented.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "model/messages.hpp"

using namespace amable;
namespace fs = std::filesystem;

namespace {

// Field names a template uses: "{count|page|pages} {share%}" -> count, share.
std::set<std::string> fields_of(const std::string& tmpl) {
  static const std::regex field(R"(\{([a-z_0-9]+)%?(\|[^}]*)?\})");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(tmpl.begin(), tmpl.end(), field); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
  return out;
}

nlohmann::json catalog_files() {
  nlohmann::json all = nlohmann::json::object();
  for (const auto& e : fs::directory_iterator(test::source_dir() / "rules" / "messages"))
    if (e.path().extension() == ".json") all.update(nlohmann::json::parse(test::read_file(e.path())));
  return all;
}

}  // namespace

TEST_CASE("messages: every code is in English and Spanish, with the same fields, and variants come in pairs") {
  const auto all = catalog_files();
  REQUIRE(all.size() > 200);
  for (const auto& [code, texts] : all.items()) {
    CAPTURE(code);
    CHECK(texts.contains("en"));
    CHECK(texts.contains("es"));
    std::set<std::string> en, es;
    for (const auto& [lang, text] : texts.items()) {
      const auto f = fields_of(text.get<std::string>());
      (lang.starts_with("en") ? en : es).insert(f.begin(), f.end());
      // A jurisdiction's variant exists in both languages, so that a Spanish report of an Irish
      // shop cites Irish law as the English one does.
      if (const auto at = lang.find('@'); at != std::string::npos)
        CHECK_MESSAGE(texts.contains((lang.starts_with("en") ? "es" : "en") + lang.substr(at)), lang);
    }
    // libcurl's and HTTP's own English words ("detail", "phrase") may stay out of a Spanish text.
    for (const char* english_only : {"detail", "phrase"})
      if (!es.contains(english_only)) en.erase(english_only);
    CHECK(en == es);
  }
}

TEST_CASE("messages: every code written in a rule's source is in the catalog") {
  // Literal codes only ("contact-phone/none"); composed ones ("intro-clutter/kind/" + kind) are
  // checked through the reports of the example shops.
  const std::regex literal("\"((clear-purpose|contact-email|contact-page|contact-phone|https|intro-clutter|named-contact|office-hours|"
                           "order-follow-up|postal-address|privacy-policy|readability|response-time|return-policy|self-service|"
                           "visitor-centric-copy)/[a-z0-9/-]*[a-z0-9])\"");
  size_t seen = 0;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "rules")) {
    if (e.path().extension() != ".cpp") continue;
    const std::string src = test::read_file(e.path());
    for (auto it = std::sregex_iterator(src.begin(), src.end(), literal); it != std::sregex_iterator(); ++it) {
      ++seen;
      CHECK_MESSAGE(model::has_message((*it)[1].str(), "en"), (*it)[1].str() << " in " << e.path().filename().string());
    }
  }
  CHECK(seen > 150);
}

TEST_CASE("messages: fields fill, numbers agree with their words, lists stop at five, jurisdictions pick their variant") {
  CHECK(model::render_message("readability/more-hard-pages", {{"count", 1}, {"pages", {"a.html"}}}, "en") ==
        "1 more page is hard to read too: a.html.");
  CHECK(model::render_message("readability/more-hard-pages", {{"count", 7}, {"pages", {"a", "b", "c", "d", "e", "f", "g"}}}, "es") ==
        "7 páginas más también cuestan de leer: a, b, c, d, e y 2 más.");
  CHECK(model::render_message("duration/minutes", {{"n", 30}}, "en") == "30 minutes");
  CHECK(model::render_message("duration/minutes", {{"n", 1}}, "es") == "1 minuto");
  CHECK(model::render_message("contact-page/holds-share", {{"share", 0.75}}, "en").find("75 %") != std::string::npos);
  // Irish and Spanish shops hear their own law; a shop of no known country hears none.
  const std::string ie = model::render_message("return-policy/short-window", {{"days", 7}}, "en", "uk-ie");
  const std::string spain = model::render_message("return-policy/short-window", {{"days", 7}}, "en", "es");
  const std::string none = model::render_message("return-policy/short-window", {{"days", 7}}, "en", "neutral");
  CHECK(ie.find("Irish") != std::string::npos);
  CHECK(spain.find("TRLGDCU") != std::string::npos);
  CHECK(none == "The window is 7 days.");
  // A message inside a message is said in the outer one's language.
  const model::Message timeout{"error/timeout", {{"seconds", 20}}};
  CHECK(model::render_message("note/robots-unreadable", {{"origin", "https://a.example"}, {"reason", timeout.nested()}}, "es") ==
        "no se pudo leer https://a.example/robots.txt (sin respuesta en 20 s): no se pidió nada de ese servidor, como exige RFC 9309");
  // A field the data lacks stays visible, so that the report tests catch it.
  CHECK(model::render_message("duration/minutes", nlohmann::json::object(), "en") == "{n} {n|minute|minutes}");
  CHECK(model::render_message("no-such/code", {}, "en") == "no-such/code");
}
