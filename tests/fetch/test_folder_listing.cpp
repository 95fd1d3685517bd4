// A built site's folder: pages nobody links to are read too ("folder"), but they are not part
// of "every page"; --no-sitemap turns the listing off.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace amable;

namespace {
const nlohmann::json* page_of(const nlohmann::json& report, const std::string& url_part) {
  for (const auto& p : report["pages"])
    if (p["url"].get<std::string>().find(url_part) != std::string::npos) return &p;
  return nullptr;
}
}  // namespace

TEST_CASE("folder listing: unlinked pages are read with via 'folder' and depth -1") {
  test::TempDir dir;
  test::write_file(dir / "index.html", R"(<!doctype html><html lang="en"><head><title>Blankets</title></head><body><a href="a.html">A</a><footer>care@woolandco.co.uk</footer></body></html>)");
  test::write_file(dir / "a.html", R"(<!doctype html><html lang="en"><head><title>A</title></head><body><p>A</p><footer>care@woolandco.co.uk</footer></body></html>)");
  test::write_file(dir / "old/promo.html", R"(<!doctype html><html lang="en"><head><title>Winter offer</title></head><body><p>Winter offer: phone 020 7183 8750.</p></body></html>)");
  test::write_file(dir / ".git/x.html", "<p>not a page</p>");
  test::write_file(dir / "notes.txt", "not html");

  const auto r = test::run_amable({"audit", dir.path().string(), "--format", "json"});
  REQUIRE(r.exit_code <= 1);
  const auto report = nlohmann::json::parse(r.out);
  const auto* unlinked = page_of(report, "old/promo.html");
  REQUIRE(unlinked != nullptr);
  CHECK((*unlinked)["via"] == "folder");
  CHECK((*unlinked)["depth"] == -1);
  CHECK(page_of(report, ".git") == nullptr);
  CHECK(page_of(report, "notes.txt") == nullptr);
  // Its phone is a fact of the site, but the e-mail on every linked page is still "every page".
  CHECK_FALSE(report["facts"]["phones"].empty());

  const auto off = test::run_amable({"audit", dir.path().string(), "--format", "json", "--no-sitemap"});
  const auto report_off = nlohmann::json::parse(off.out);
  CHECK(page_of(report_off, "old/promo.html") == nullptr);
  CHECK(report_off["pages"].size() == 2);
  CHECK(report_off["facts"]["phones"].empty());
  auto email_score = [](const nlohmann::json& rep) {
    for (const auto& rule : rep["rules"])
      if (rule["id"] == "contact-email") return rule["score"].get<int>();
    return -1;
  };
  CHECK(email_score(report) == email_score(report_off));
  CHECK(email_score(report) >= 90);
}

TEST_CASE("folder listing: linked pages stay 'link' while their parents are still being parsed on other threads") {
  // A chain of pages: each page's link is known only once the page before it is parsed. The
  // folder must not be listed (and the chain taken for unlinked) before that. (Eight pages:
  // within the default --max-depth of 10.)
  test::TempDir dir;
  const std::string head = R"(<!doctype html><html lang="en"><head><title>Page</title></head><body>)";
  for (int i = 0; i < 8; ++i)
    test::write_file(dir / (i == 0 ? std::string("index.html") : "p" + std::to_string(i) + ".html"),
                     head + "<p>Step " + std::to_string(i) + "</p><a href=\"p" + std::to_string(i + 1) + ".html\">next</a></body></html>");
  test::write_file(dir / "lost.html", head + "<p>Nobody links here.</p></body></html>");
  for (const char* jobs : {"1", "2", "4"}) {
    CAPTURE(jobs);
    const auto r = test::run_amable({"audit", dir.path().string(), "-f", "json", "--jobs", jobs});
    REQUIRE(r.exit_code <= 1);
    const auto report = nlohmann::json::parse(r.out);
    for (const auto& p : report["pages"]) {
      CAPTURE(p["url"].get<std::string>());
      CHECK(p["via"] == (p["url"] == "index.html" ? "start" : p["url"] == "lost.html" ? "folder" : "link"));
    }
    CHECK(report["notes"].dump().find("1 page in the folder is not linked") != std::string::npos);
  }
}
