// Report formats: every format for both example shops in one run, golden files (the sample
// reports under examples/reports/, so they cannot go stale), escaping of hostile site text,
// JUnit read by a real XML parser, SARIF checked against its schema when set-up fetched it,
// and `render` reproducing a saved report byte for byte.
#include <doctest/doctest.h>

#include <expat.h>

#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "model/report_json.hpp"
#include "reports/writer.hpp"
#include "schema_validation.hpp"

using namespace amable;
namespace fs = std::filesystem;

namespace {

const std::vector<std::pair<std::string, std::string>> k_formats = {
    {"txt", "text"}, {"json", "json"}, {"html", "html"}, {"md", "markdown"}, {"sarif", "sarif"}, {"junit.xml", "junit"}};
const char* k_epoch = "SOURCE_DATE_EPOCH=1767261600";

// Element counts and attributes of the first <testsuites>, or an error from expat.
struct XmlSummary {
  std::string error;
  std::map<std::string, int> elements;
  std::map<std::string, std::string> root_attributes;
};

XmlSummary parse_xml(const std::string& text) {
  XmlSummary s;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &s);
  XML_SetStartElementHandler(p, [](void* data, const XML_Char* name, const XML_Char** attrs) {
    auto* sum = static_cast<XmlSummary*>(data);
    if (++sum->elements[name] == 1 && std::string(name) == "testsuites")
      for (int i = 0; attrs[i]; i += 2) sum->root_attributes[attrs[i]] = attrs[i + 1];
  });
  if (XML_Parse(p, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_ERROR)
    s.error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " + std::to_string(XML_GetCurrentLineNumber(p));
  XML_ParserFree(p);
  return s;
}

}  // namespace

TEST_CASE("formats: every format for both example shops in one run, matching the sample reports") {
  const bool update = std::getenv("AMABLE_UPDATE_GOLDEN") != nullptr;
  for (const std::string shop : {"tienda-amable", "unfriendly-shop"}) {
    CAPTURE(shop);
    test::TempDir dir;
    std::vector<std::string> args = {"audit", "examples/" + shop, "-q", "-f", "json", "--report-lang", shop == "tienda-amable" ? "es" : "en"};
    for (const auto& [ext, name] : k_formats) {
      args.push_back("-o");
      args.push_back((dir / ("report." + ext)).string());
    }
    const auto r = test::run_amable(args, k_epoch);
    REQUIRE(r.exit_code == 0);
    for (const auto& [ext, name] : k_formats) {
      CAPTURE(ext);
      const std::string made = test::read_file(dir / ("report." + ext));
      CHECK(made.size() > 500);
      const fs::path golden = test::source_dir() / "examples" / "reports" / (shop + "." + ext);
      if (update) test::write_file(golden, made);
      CHECK_MESSAGE(made == test::read_file(golden), "regenerate with AMABLE_UPDATE_GOLDEN=1 after a deliberate change");
    }
    CHECK(test::read_file(dir / "report.json") == r.out);
  }
}

TEST_CASE("formats: JUnit is well-formed XML with one testcase per rule, one suite per category") {
  const auto r = test::run_amable({"audit", "examples/unfriendly-shop", "-f", "junit"});
  const auto x = parse_xml(r.out);
  REQUIRE(x.error == "");
  CHECK(x.elements.at("testsuite") == 4);
  CHECK(x.elements.at("testcase") == 16);
  CHECK(x.elements.at("failure") == std::stoi(x.root_attributes.at("failures")));
  CHECK(x.elements.at("skipped") == std::stoi(x.root_attributes.at("skipped")));
  CHECK(std::stoi(x.root_attributes.at("failures")) >= 10);
}

TEST_CASE("formats: SARIF 2.1.0 names every rule and locates results at their pages") {
  const auto r = test::run_amable({"audit", "examples/unfriendly-shop", "-f", "sarif"});
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["version"] == "2.1.0");
  const auto& run = j["runs"][0];
  CHECK(run["tool"]["driver"]["rules"].size() == 16);
  REQUIRE(run["results"].size() > 10);
  bool located = false;
  for (const auto& res : run["results"]) {
    CHECK(run["tool"]["driver"]["rules"][res["ruleIndex"].get<size_t>()]["id"] == res["ruleId"]);
    if (res.contains("locations") && res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "index.html") located = true;
  }
  CHECK(located);
  // The official schema, when the test set-up could fetch it (scripts/dev test, via npm).
  const fs::path schema = fs::path(AMABLE_BUILD_DIR) / "npm" / "node_modules" / "@microsoft" / "jest-sarif" / "lib" / "schemas" / "sarif-2.1.0-rtm.5.json";
  if (!fs::exists(schema)) {
    MESSAGE("SARIF schema not fetched (npm unavailable): structural checks only");
    return;
  }
  const auto schema_doc = nlohmann::json::parse(test::read_file(schema));
  CHECK(test::errors_against(schema_doc, j) == "");
  auto broken = j;
  broken["runs"][0]["results"][0]["level"] = "fatal";
  CHECK(test::errors_against(schema_doc, broken) != "");  // the check can fail
}

TEST_CASE("formats: text from the site is escaped in HTML, Markdown, JUnit and SARIF") {
  test::TempDir dir;
  const std::string hostile = R"X(<!doctype html><html lang="en"><head><title>"&gt;&lt;img src=x onerror=alert(1)&gt;</title></head>
      <body><h1>Shop</h1><p>&lt;script&gt;alert(1)&lt;/script&gt; Write to <a href="javascript:alert(2)">us</a>.</p>
      <p>We we we we our our our [link](javascript:alert(3)) | cell</p></body></html>)X";
  test::write_file(dir / "index.html", hostile);
  for (const std::string fmt : {"html", "markdown", "junit", "sarif"}) {
    CAPTURE(fmt);
    const auto r = test::run_amable({"audit", dir.path().string(), "-f", fmt});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("<script>alert") == std::string::npos);
    CHECK(r.out.find("<img src=x") == std::string::npos);
    CHECK(r.out.find("href=\"javascript:") == std::string::npos);
  }
  const auto html = test::run_amable({"audit", dir.path().string(), "-f", "html"}).out;
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);  // the report itself has no script at all
  const auto md = test::run_amable({"audit", dir.path().string(), "-f", "markdown"}).out;
  CHECK(md.find("](javascript:") == std::string::npos);
  CHECK(parse_xml(test::run_amable({"audit", dir.path().string(), "-f", "junit"}).out).error == "");
}

TEST_CASE("render: a saved JSON report renders every format exactly as the audit did") {
  test::TempDir dir;
  const auto a = test::run_amable({"audit", "examples/tienda-amable", "-q", "-o", (dir / "r.json").string(), "-o", (dir / "r.html").string(),
                                   "-o", (dir / "r.sarif").string(), "-f", "markdown"}, k_epoch);
  REQUIRE(a.exit_code == 0);
  CHECK(test::run_amable({"render", (dir / "r.json").string(), "-f", "json"}).out == test::read_file(dir / "r.json"));
  CHECK(test::run_amable({"render", (dir / "r.json").string(), "-f", "html"}).out == test::read_file(dir / "r.html"));
  CHECK(test::run_amable({"render", (dir / "r.json").string(), "-f", "sarif"}).out == test::read_file(dir / "r.sarif"));
  CHECK(test::run_amable({"render", (dir / "r.json").string(), "-f", "markdown"}).out == a.out);
}

TEST_CASE("render: a missing or broken report exits 3 naming it; an unknown format exits 2") {
  test::TempDir dir;
  const auto missing = test::run_amable({"render", (dir / "nope.json").string()});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("nope.json") != std::string::npos);
  test::write_file(dir / "bad.json", "{\"rules\": [{\"id\": \"x\", \"status\": \"maybe\"}]}");
  const auto bad = test::run_amable({"render", (dir / "bad.json").string()});
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("bad.json") != std::string::npos);
  test::write_file(dir / "text.json", "not json");
  CHECK(test::run_amable({"render", (dir / "text.json").string()}).exit_code == 3);
  CHECK(test::run_amable({"render", (dir / "bad.json").string(), "-f", "pdf"}).exit_code == 2);
}

TEST_CASE("render: a report whose rule id is not a rule id is refused, naming the file") {
  test::TempDir dir;
  auto j = nlohmann::json::parse(test::read_file(test::source_dir() / "fuzz" / "seeds" / "report" / "small.json"));
  test::write_file(dir / "ok.json", j.dump());
  CHECK(test::run_amable({"render", (dir / "ok.json").string(), "-f", "markdown"}).exit_code == 0);
  j["rules"][0]["id"] = "x` <img src=x onerror=alert(1)> `";
  test::write_file(dir / "id.json", j.dump());
  const auto r = test::run_amable({"render", (dir / "id.json").string(), "-f", "markdown"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("id.json") != std::string::npos);
  CHECK(r.err.find("is not a rule id") != std::string::npos);
}

TEST_CASE("json: the page-by-page writer gives exactly the bytes of dumping the whole report") {
  for (const std::string shop : {"tienda-amable", "unfriendly-shop"}) {
    const auto r = test::run_amable({"audit", "examples/" + shop, "-q", "-f", "json"});
    REQUIRE(r.exit_code == 0);
    const auto report = model::report_from_json(nlohmann::json::parse(r.out));
    REQUIRE(report.has_value());
    CHECK(report->pages.size() > 3);
    CHECK(reports::write_json(*report, {}) == model::to_json(*report).dump(2) + "\n");
  }
}
