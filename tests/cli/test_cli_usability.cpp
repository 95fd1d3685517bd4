// The command line as a new user meets it: help for every command, "did you mean" for slips,
// -f wherever --format is, a quiet stdout when the reports go to files, the config file named,
// unknown options and languages refused, and things that are not web pages refused by name.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace amable;
using test::run_amable;

namespace {
const std::string k_unfriendly = (test::source_dir() / "examples" / "unfriendly-shop").string();
const std::string k_friendly = (test::source_dir() / "examples" / "tienda-amable").string();
}  // namespace

TEST_CASE("cli usability: 'amable help' and 'amable help CMD' print the help; a mistyped command or option suggests the right one") {
  const auto all = run_amable({"help"});
  CHECK(all.exit_code == 0);
  for (const char* cmd : {"audit", "rules", "explain", "diff", "render"}) CHECK_MESSAGE(all.out.find(cmd) != std::string::npos, cmd);
  const auto audit = run_amable({"help", "audit"});
  CHECK(audit.exit_code == 0);
  CHECK(audit.out.find("--max-pages") != std::string::npos);
  CHECK(run_amable({"help", "no-such"}).exit_code == 2);

  const auto typo = run_amable({"audti", k_unfriendly});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("\"audti\" is not a command; did you mean \"audit\"?") != std::string::npos);
  const auto option = run_amable({"audit", k_unfriendly, "--max-page", "3"});
  CHECK(option.exit_code == 2);
  CHECK(option.err.find("did you mean \"--max-pages\"?") != std::string::npos);
  const auto rule = run_amable({"explain", "return-polcy"});
  CHECK(rule.exit_code == 2);
  CHECK(rule.err.find("return-policy") != std::string::npos);
}

TEST_CASE("cli usability: -f works for every command that has --format") {
  CHECK(nlohmann::json::parse(run_amable({"rules", "-f", "json"}).out).size() == 16);
  CHECK(nlohmann::json::parse(run_amable({"audit", k_unfriendly, "-f", "json"}).out)["schema_version"] == 2);
  test::TempDir dir;
  const auto a = (dir / "a.json").string();
  REQUIRE(run_amable({"audit", k_unfriendly, "-q", "-o", a}).exit_code == 0);
  CHECK(nlohmann::json::parse(run_amable({"diff", a, a, "-f", "json"}).out)["new"].empty());
  CHECK(run_amable({"render", a, "-f", "markdown"}).out.starts_with("## amable"));
}

TEST_CASE("cli usability: with -o and no -f, stdout carries one summary line; -v adds where files went") {
  test::TempDir dir;
  const auto r = run_amable({"audit", k_friendly, "-o", (dir / "r.html").string(), "-o", (dir / "r.json").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Tienda Amable: 99/100, excelente (15 páginas; 0 reglas fallan, 0 con avisos)\n");
  CHECK(test::read_file(dir / "r.html").find("<html lang=\"es\">") != std::string::npos);
  // -f as well as -o: that format on stdout, as asked.
  const auto both = run_amable({"audit", k_friendly, "-o", (dir / "r.json").string(), "-f", "text", "--color", "never"});
  CHECK(both.out.find("Puntuación") != std::string::npos);
}

TEST_CASE("cli usability: the config file used is named on stderr and in the report; a misspelt rule option and --lang xx are refused") {
  test::TempDir dir;
  test::write_file(dir / "amable.json", R"({"fail_under": 10, "rules": {"readability": {"options": {"min_page_words": 50}}}})");
  const auto r = test::run_program("sh", {"-c", "cd '" + dir.path().string() + "' && '" + test::amable_binary().string() + "' audit '" +
                                                    k_unfriendly + "' -f json"});
  REQUIRE(r.exit_code == 1);  // the config's fail_under 10 is a gate this shop does not pass
  CHECK(r.err.find("amable.json") != std::string::npos);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["config_file"].get<std::string>().ends_with("amable.json"));

  test::write_file(dir / "typo.json", R"({"rules": {"readability": {"options": {"min_page_word": 50}}}})");
  const auto typo = run_amable({"audit", k_unfriendly, "--config", (dir / "typo.json").string()});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("min_page_word") != std::string::npos);
  CHECK(typo.err.find("min_page_words") != std::string::npos);  // what the rule does take

  const auto lang = run_amable({"audit", k_unfriendly, "--lang", "xx"});
  CHECK(lang.exit_code == 2);
  CHECK(lang.err.find("xx") != std::string::npos);
  CHECK(run_amable({"audit", k_unfriendly, "--report-lang", "fr"}).exit_code == 2);
}

TEST_CASE("cli usability: a program, an image, an empty file and a page without text are not web pages: exit 3 naming them") {
  test::TempDir dir;
  test::write_file(dir / "shop.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  test::write_file(dir / "empty.html", "");
  test::write_file(dir / "blank.html", "<!doctype html><html><head><title></title></head><body><div></div></body></html>");
  for (const auto& target : {test::amable_binary(), dir / "shop.png", dir / "empty.html", dir / "blank.html"}) {
    CAPTURE(target.string());
    const auto r = run_amable({"audit", target.string()});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(target.filename().string()) != std::string::npos);
    CHECK(r.out.empty());
  }
  // A folder is judged by its pages: an image beside a real page does not stop the audit.
  test::write_file(dir / "site" / "index.html", test::html_page("en", "Wool blankets", "<h1>Wool blankets</h1><p>Warm blankets.</p>"));
  test::write_file(dir / "site" / "logo.png", std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(run_amable({"audit", (dir / "site").string(), "-q"}).exit_code == 0);
}
