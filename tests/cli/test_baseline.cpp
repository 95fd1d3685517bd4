// `audit --baseline` and `--write-baseline`: known problems are marked, shown as known, and gate
// nothing; a new problem in an error-severity rule still fails the job. Through the CLI.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace amable;

namespace {

// A one-page shop whose footer may or may not show an e-mail address, and a config that makes
// contact-email an error-severity rule.
struct Shop {
  test::TempDir dir;
  std::string site = (dir / "site").string();
  std::string config = (dir / "amable.json").string();
  explicit Shop(const std::string& footer) {
    set_footer(footer);
    test::write_file(config, R"({"rules": {"contact-email": {"severity": "error"}}})");
  }
  void set_footer(const std::string& footer) {
    test::write_file(dir / "site" / "index.html",
                     R"(<!doctype html><html lang="en"><head><title>Merino blankets | Wool &amp; Co</title></head><body>
      <h1>Merino blankets</h1><p>You choose, we knit.</p><footer>)" + footer + "</footer></body></html>");
  }
  test::RunResult audit(std::vector<std::string> extra) {
    std::vector<std::string> args{"audit", site, "-q", "--config", config};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_amable(args);
  }
};

const nlohmann::json* rule_of(const nlohmann::json& report, const std::string& id) {
  for (const auto& r : report["rules"])
    if (r["id"] == id) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("baseline: known problems of an error-severity rule no longer fail the audit") {
  Shop shop("Thanks for visiting");
  const auto known = (shop.dir / "known-issues.json").string();
  const auto first = shop.audit({"--write-baseline", known});
  CHECK(first.exit_code == 1);  // contact-email fails and nobody knew yet
  const auto file = nlohmann::json::parse(test::read_file(known));
  CHECK(file["amable_baseline"] == 2);
  bool listed = false;
  for (const auto& p : file["problems"]) listed = listed || (p["rule"] == "contact-email" && p["url"] == "index.html");
  CHECK(listed);

  const auto again = shop.audit({"--baseline", known, "-f", "json"});
  CHECK(again.exit_code == 0);
  const auto report = nlohmann::json::parse(again.out);
  CHECK(report["failed_gates"].empty());
  CHECK(report["baseline"]["file"] == known);
  CHECK(report["baseline"]["new"] == 0);
  CHECK(report["baseline"]["suppressed"].get<int>() == report["baseline"]["known"].get<int>());
  const auto* email = rule_of(report, "contact-email");
  REQUIRE(email != nullptr);
  CHECK((*email)["status"] == "fail");  // the score still tells the truth about the site
  for (const auto& f : (*email)["findings"])
    if (f["kind"] == "problem") CHECK(f.value("suppressed", false));

  const auto text = shop.audit({"--baseline", known});
  CHECK(text.out.find("known problems not shown, 0 new") != std::string::npos);
  CHECK(text.out.find("No e-mail address on any page") == std::string::npos);
}

TEST_CASE("baseline: a new problem in an error-severity rule fails, and the gate says so") {
  Shop shop("Write to care@woolandco.co.uk");
  const auto known = (shop.dir / "known.json").string();
  REQUIRE(shop.audit({"--write-baseline", known}).exit_code == 0);
  shop.set_footer("Thanks for visiting");  // someone removed the address
  const auto r = shop.audit({"--baseline", known});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("Rule contact-email (severity error) failed with new problems") != std::string::npos);
  CHECK(r.out.find("No e-mail address on any page") != std::string::npos);
}

TEST_CASE("baseline: a saved JSON report works as the baseline, and every format shows known problems as known") {
  Shop shop("Thanks for visiting");
  const auto saved = (shop.dir / "main.json").string();
  REQUIRE(shop.audit({"-o", saved}).exit_code == 1);
  const auto sarif_path = (shop.dir / "r.sarif").string(), junit_path = (shop.dir / "r.junit.xml").string(),
             md_path = (shop.dir / "r.md").string(), html_path = (shop.dir / "r.html").string();
  const auto r = shop.audit({"--baseline", saved, "-o", sarif_path, "-o", junit_path, "-o", md_path, "-o", html_path});
  CHECK(r.exit_code == 0);

  const auto sarif = nlohmann::json::parse(test::read_file(sarif_path));
  bool suppressed = false;
  for (const auto& res : sarif["runs"][0]["results"])
    if (res["ruleId"] == "contact-email") suppressed = res.contains("suppressions") && res["suppressions"][0]["kind"] == "external";
  CHECK(suppressed);
  const auto junit = test::read_file(junit_path);
  const auto at = junit.find("name=\"contact-email\"");
  REQUIRE(at != std::string::npos);
  CHECK(junit.substr(at, junit.find("</testcase>", at) - at).find("<skipped message=\"known problems only (baseline)\"/>") !=
        std::string::npos);
  CHECK(test::read_file(md_path).find("known problems not shown") != std::string::npos);
  const auto html = test::read_file(html_path);
  CHECK(html.find("known problems not shown") != std::string::npos);
  CHECK(html.find("No e-mail address on any page") == std::string::npos);
}

TEST_CASE("baseline: named in amable.json, found beside it; a missing or malformed file exits 2 naming it") {
  Shop shop("Thanks for visiting");
  std::filesystem::create_directories(shop.dir / "ci");
  REQUIRE(shop.audit({"--write-baseline", (shop.dir / "ci" / "known.json").string()}).exit_code == 1);
  test::write_file(shop.dir / "ci" / "amable.json", R"({"baseline": "known.json", "rules": {"contact-email": "error"}})");
  const auto from_config = test::run_amable({"audit", shop.site, "-q", "--config", (shop.dir / "ci" / "amable.json").string()});
  CHECK(from_config.exit_code == 0);

  const auto missing = shop.audit({"--baseline", (shop.dir / "nope.json").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nope.json") != std::string::npos);
  test::write_file(shop.dir / "bad.json", R"({"amable_baseline": 1, "problems": [{"rule": 3}]})");
  const auto bad = shop.audit({"--baseline", (shop.dir / "bad.json").string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.json: not a known-issues file") != std::string::npos);
  test::write_file(shop.dir / "text.json", "not json");
  CHECK(shop.audit({"--baseline", (shop.dir / "text.json").string()}).exit_code == 2);
}
