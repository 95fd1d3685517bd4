// A problem keeps its identity while the site around it changes: an added page, another report
// language or a reworded message do not make known problems new, in baselines, diff, SARIF
// fingerprints or JUnit test names. Reports of schema 1 still render and diff.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace amable;
using test::run_amable;
namespace fs = std::filesystem;

namespace {

// A copy of the corpus site with one page more: the about page's layout with short, plain copy
// that speaks to the visitor, linked from the home page.
void add_clean_page(const fs::path& site) {
  std::string about = test::read_file(site / "about.html");
  const auto from = about.find("<div class=\"about-section\">"), to = about.find("<div class=\"back-link\">");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  about.replace(from, to - from, "<div class=\"about-section\"><h2>Corporate gifts for your team</h2>"
                                 "<p>You pick the gifts, you send your logo, and you get a proof the next day.</p></div>\n");
  about = std::regex_replace(about, std::regex("<title>[^<]*</title>"), "<title>Corporate Gifts | 44Promotions</title>");
  test::write_file(site / "gifts.html", about);
  std::string home = test::read_file(site / "index.html");
  const auto link = home.find("<a href=\"custom-printing.html\">");
  REQUIRE(link != std::string::npos);
  home.insert(link, "<a href=\"gifts.html\">Corporate gifts</a> ");
  test::write_file(site / "index.html", home);
}

std::map<std::string, std::string> sarif_fingerprints(const std::string& sarif) {
  std::map<std::string, std::string> out;  // fingerprint -> rule
  const auto j = nlohmann::json::parse(sarif);  // kept alive: the loop walks into it
  for (const auto& res : j["runs"][0]["results"])
    out[res["partialFingerprints"]["amableFinding/v2"].get<std::string>()] = res["ruleId"].get<std::string>();
  return out;
}

std::set<std::string> junit_names(const std::string& xml) {
  std::set<std::string> out;
  static const std::regex testcase(R"re(<testcase[^>]* name="([^"]+)")re");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), testcase); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("problem identity: one clean page added to 44promotions: no new problem in --baseline, nothing new or fixed in diff") {
  const auto corpus = test::corpus_dir();
  if (!corpus) {
    MESSAGE("skipped: ../shared/corpus is not present");
    return;
  }
  test::TempDir dir;
  const auto before = dir / "before", after = dir / "after";
  fs::copy(*corpus / "sites" / "44promotions", before, fs::copy_options::recursive);
  fs::copy(before, after, fs::copy_options::recursive);
  add_clean_page(after);
  const auto base = (dir / "base.json").string(), head = (dir / "head.json").string(), known = (dir / "known.json").string();
  run_amable({"audit", before.string(), "-q", "-o", base, "--write-baseline", known});
  const auto with_page = run_amable({"audit", after.string(), "-f", "json", "--baseline", known});
  const auto report = nlohmann::json::parse(with_page.out);
  CHECK(report["pages"].size() == nlohmann::json::parse(test::read_file(base))["pages"].size() + 1);
  CHECK(report["baseline"]["new"] == 0);
  CHECK(report["baseline"]["suppressed"].get<int>() > 10);
  // The saved report as baseline agrees with the known-issues file.
  CHECK(nlohmann::json::parse(run_amable({"audit", after.string(), "-f", "json", "--baseline", base}).out)["baseline"]["new"] == 0);

  run_amable({"audit", after.string(), "-q", "-o", head});
  const auto diff = nlohmann::json::parse(run_amable({"diff", base, head, "-f", "json"}).out);
  CHECK_MESSAGE(diff["new"].empty(), diff["new"].dump());
  CHECK_MESSAGE(diff["fixed"].empty(), diff["fixed"].dump());
}

TEST_CASE("problem identity: SARIF fingerprints and JUnit test names are the same in English and Spanish") {
  test::TempDir dir;
  const std::string shop = (test::source_dir() / "examples" / "unfriendly-shop").string();
  run_amable({"audit", shop, "-q", "--report-lang", "en", "-o", (dir / "en.sarif").string(), "-o", (dir / "en.junit.xml").string()});
  run_amable({"audit", shop, "-q", "--report-lang", "es", "-o", (dir / "es.sarif").string(), "-o", (dir / "es.junit.xml").string()});
  const auto en = sarif_fingerprints(test::read_file(dir / "en.sarif")), es = sarif_fingerprints(test::read_file(dir / "es.sarif"));
  CHECK(en.size() > 20);
  CHECK(en == es);
  const auto en_names = junit_names(test::read_file(dir / "en.junit.xml"));
  CHECK(en_names.size() == 16);
  CHECK(en_names.contains("contact-email"));
  CHECK(en_names == junit_names(test::read_file(dir / "es.junit.xml")));
  // A diff of the two languages finds nothing new or fixed: the same problems, said twice.
  run_amable({"audit", shop, "-q", "--report-lang", "en", "-o", (dir / "en.json").string()});
  run_amable({"audit", shop, "-q", "--report-lang", "es", "-o", (dir / "es.json").string()});
  const auto diff = nlohmann::json::parse(run_amable({"diff", (dir / "en.json").string(), (dir / "es.json").string(), "-f", "json"}).out);
  CHECK(diff["new"].empty());
  CHECK(diff["fixed"].empty());
  CHECK(run_amable({"diff", (dir / "en.json").string(), (dir / "es.json").string()}).out.find("Problemas nuevos (0)") != std::string::npos);
}

TEST_CASE("problem identity: a schema-1 report from amable 0.2 still renders and diffs, and the reader is told how it is matched") {
  const auto old = (test::source_dir() / "tests" / "data" / "unfriendly-shop.v1.json").string();
  const auto text = run_amable({"render", old, "-f", "text", "--color", "never"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("No usable e-mail address is shown") != std::string::npos);
  CHECK(run_amable({"render", old, "-f", "html"}).out.find("<details") != std::string::npos);
  test::TempDir dir;
  const auto now = (dir / "now.json").string();
  run_amable({"audit", (test::source_dir() / "examples" / "unfriendly-shop").string(), "-q", "-o", now});
  const auto diff = run_amable({"diff", old, now});
  CHECK(diff.exit_code == 0);
  CHECK(diff.err.find("report schema 1") != std::string::npos);
  // As a baseline, the old report is used and the report says how it was matched.
  const auto audit = run_amable({"audit", (test::source_dir() / "examples" / "unfriendly-shop").string(), "-f", "json", "--baseline", old});
  const auto j = nlohmann::json::parse(audit.out);
  CHECK(j["baseline"]["known"].get<int>() > 10);
  CHECK(j["notes"].dump().find("older amable whose problems had no codes") != std::string::npos);
}
