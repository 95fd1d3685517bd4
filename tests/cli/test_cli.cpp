#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "schema_validation.hpp"

using namespace amable;
using test::run_amable;

namespace {
const std::string k_unfriendly = (test::source_dir() / "examples" / "unfriendly-shop").string();
const std::string k_friendly = (test::source_dir() / "examples" / "tienda-amable").string();
}  // namespace

TEST_CASE("cli: audit of the unfriendly example shop as JSON validates against the schema") {
  const auto r = run_amable({"audit", k_unfriendly, "-f", "json"});
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(test::schema_errors(j) == "");
  CHECK(j["schema_version"] == 2);
  CHECK(j["target"] == k_unfriendly);
  CHECK(j["facts"]["emails"].empty());
  CHECK(j["facts"]["key_pages"]["returns"].is_null());
  CHECK(j["score"].get<int>() < 40);
}

TEST_CASE("cli: the friendly Spanish example passes every rule, with its facts") {
  const auto r = run_amable({"audit", k_friendly, "-f", "json"});
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(test::schema_errors(j) == "");
  CHECK(j["language"] == "es");
  CHECK(j["facts"]["emails"][0]["value"] == "ana@tiendaamable.es");
  CHECK(j["facts"]["key_pages"]["returns"] == "devoluciones.html");
  CHECK(j["facts"]["key_pages"]["contact"] == "contacto.html");
  CHECK(j["facts"]["return_policy"]["window_days"] == 30);
  // https is judged only on a live URL; every other rule passes on this shop.
  for (const auto& rule : j["rules"]) CHECK_MESSAGE(rule["status"] == (rule["id"] == "https" ? "not-applicable" : "pass"), rule["id"]);
  CHECK(j["rules"].size() == 16);
  CHECK(j["facts"]["phones"][0]["e164"] == "+34914475382");
}

TEST_CASE("cli: a missing path exits 3 and names the path") {
  const auto r = run_amable({"audit", "/no/such/shop"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("/no/such/shop") != std::string::npos);
}

TEST_CASE("cli: a folder without any web page exits 3 and names the folder") {
  test::TempDir dir;
  test::write_file(dir / "notes.txt", "hi");
  const auto r = run_amable({"audit", dir.path().string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(dir.path().string()) != std::string::npos);
  CHECK(r.err.find("no web page") != std::string::npos);
}

TEST_CASE("cli: a folder without index.html starts at its home page and the report says which") {
  test::TempDir dir;
  // home.html is named as a home page: it wins over the others whatever their links.
  test::write_file(dir / "home.html", R"(<title>Home</title><p>Welcome</p><a href="b.html">B</a>)");
  test::write_file(dir / "b.html", R"(<p>B</p><a href="c.html">C</a>)");
  test::write_file(dir / "c.html", R"(<p>C</p><a href="b.html">B</a>)");
  auto r = run_amable({"audit", dir.path().string(), "-f", "json"});
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["crawl"]["start"] == "home.html");
  CHECK(j["notes"].dump().find("started at home.html") != std::string::npos);
  // A bag of pages: the one the others link to is the home page.
  std::filesystem::remove(dir / "home.html");
  test::write_file(dir / "a.html", R"(<p>A</p><a href="c.html">C</a>)");
  test::write_file(dir / "d.html", R"(<p>D</p><a href="c.html">C</a>)");
  r = run_amable({"audit", dir.path().string(), "-f", "json"});
  CHECK(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["crawl"]["start"] == "c.html");
  CHECK(j["notes"].dump().find("no index.html: started at c.html, the page most others link to (3)") != std::string::npos);
}

TEST_CASE("cli: an unknown option exits 2") {
  const auto r = run_amable({"audit", k_unfriendly, "--no-such-option"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--no-such-option") != std::string::npos);
}

TEST_CASE("cli: an unknown format and an unknown output extension exit 2") {
  CHECK(run_amable({"audit", k_unfriendly, "-f", "pdf"}).exit_code == 2);
  const auto r = run_amable({"audit", k_unfriendly, "-o", "report.docx"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("report.docx") != std::string::npos);
}

TEST_CASE("cli: a config error exits 2 and names the file and key") {
  test::TempDir dir;
  test::write_file(dir / "bad.json", R"({"rules": {"no-such-rule": true}})");
  const auto r = run_amable({"audit", k_unfriendly, "--config", (dir / "bad.json").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad.json") != std::string::npos);
  CHECK(r.err.find("no-such-rule") != std::string::npos);
}

TEST_CASE("cli: --fail-under and error-severity rules exit 1 and the text report says which gate failed") {
  const auto low = run_amable({"audit", k_unfriendly, "--fail-under", "50", "--color", "never"});
  CHECK(low.exit_code == 1);
  CHECK(low.out.find("--fail-under 50") != std::string::npos);
  CHECK(run_amable({"audit", k_friendly, "--fail-under", "90"}).exit_code == 0);

  test::TempDir dir;
  test::write_file(dir / "amable.json", R"({"rules": {"return-policy": {"severity": "error"}}})");
  const auto gated = run_amable({"audit", k_unfriendly, "--config", (dir / "amable.json").string()});
  CHECK(gated.exit_code == 1);
  CHECK(gated.out.find("return-policy") != std::string::npos);
}

TEST_CASE("cli: -o writes each report file, format from the extension") {
  test::TempDir dir;
  const auto json = (dir / "r.json").string(), txt = (dir / "r.txt").string();
  const auto r = run_amable({"audit", k_friendly, "-o", json, "-o", txt, "-q"});
  REQUIRE(r.exit_code == 0);
  CHECK(test::schema_errors(nlohmann::json::parse(test::read_file(json))) == "");
  CHECK(test::read_file(txt).find("contact-email") != std::string::npos);
  // Nothing half-written is left beside them.
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++files;
  }
  CHECK(files == 2);
}

TEST_CASE("cli: an unwritable output path exits 2 naming it") {
  const auto r = run_amable({"audit", k_friendly, "-o", "/no/such/dir/r.json"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/no/such/dir/r.json") != std::string::npos);
}

TEST_CASE("cli: text output has colour only when asked or on a terminal, never with NO_COLOR") {
  CHECK(run_amable({"audit", k_friendly}).out.find("\x1b[") == std::string::npos);
  CHECK(run_amable({"audit", k_friendly, "--color", "always"}).out.find("\x1b[") != std::string::npos);
}

TEST_CASE("cli: --report-lang es gives a Spanish report") {
  const auto r = run_amable({"audit", k_friendly, "--report-lang", "es", "--color", "never"});
  CHECK(r.out.find("Puntuación") != std::string::npos);
  CHECK(r.out.find("Los clientes encuentran una dirección de correo") != std::string::npos);
}

TEST_CASE("cli: audits a single HTML file") {
  const auto r = run_amable({"audit", (test::source_dir() / "examples" / "tienda-amable" / "devoluciones.html").string(), "-f", "json"});
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["pages"].size() == 1);
  CHECK(j["facts"]["return_policy"]["stated"] == true);
}

TEST_CASE("cli: rules lists every rule with weights; --format json too") {
  const auto t = run_amable({"rules"});
  CHECK(t.exit_code == 0);
  CHECK(t.out.find("contact-email") != std::string::npos);
  CHECK(t.out.find("return-policy") != std::string::npos);
  const auto j = nlohmann::json::parse(run_amable({"rules", "--format", "json"}).out);
  CHECK(j.size() >= 2);
  for (const auto& r : j) {
    CHECK(r["weight"].get<double>() > 0);
    CHECK_FALSE(r["title"].get<std::string>().empty());
  }
}

TEST_CASE("cli: explain prints a rule's doc; an unknown rule exits 2") {
  const auto r = run_amable({"explain", "return-policy"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("## Why it matters") != std::string::npos);
  const auto bad = run_amable({"explain", "no-such-rule"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("no-such-rule") != std::string::npos);
}

TEST_CASE("cli: --version and --help") {
  const auto v = run_amable({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("amable 0.") != std::string::npos);
  const auto h = run_amable({"audit", "--help"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("Examples:") != std::string::npos);
  CHECK(run_amable({}).exit_code == 2);
}

TEST_CASE("cli: SOURCE_DATE_EPOCH fixes the report clock") {
  const auto r = run_amable({"audit", k_friendly, "-f", "json"}, "SOURCE_DATE_EPOCH=1767261600");
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["started_at"] == "2026-01-01T10:00:00Z");
  CHECK(j["duration_ms"] == 0);
}

TEST_CASE("cli: an unreachable start URL exits 3 and names the URL; other schemes exit 2") {
  const auto r = run_amable({"audit", "http://127.0.0.1:1/", "--timeout", "2"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("http://127.0.0.1:1/") != std::string::npos);
  const auto ftp = run_amable({"audit", "ftp://127.0.0.1/"});
  CHECK(ftp.exit_code == 2);
  CHECK(ftp.err.find("ftp://127.0.0.1/") != std::string::npos);
}

TEST_CASE("cli: the annotated examples/amable.json is a valid config whose gates work") {
  const auto friendly = run_amable({"audit", "examples/tienda-amable", "--config", "examples/amable.json", "-q"});
  CHECK(friendly.exit_code == 0);
  CHECK(friendly.out.find("Puntuación") != std::string::npos);  // report_lang: es
  const auto unfriendly = run_amable({"audit", "examples/unfriendly-shop", "--config", "examples/amable.json", "-q"});
  CHECK(unfriendly.exit_code == 1);
  CHECK(unfriendly.out.find("return-policy") != std::string::npos);
  CHECK(unfriendly.out.find("Umbrales no superados") != std::string::npos);
}
