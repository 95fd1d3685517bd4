// `amable diff`: score deltas, new and fixed problems, and its gates, through the CLI.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace amable;

namespace {
// A shop before and after someone removed its footer e-mail address.
struct Pair {
  test::TempDir dir;
  std::string base, head;
  Pair() {
    const std::string page = R"(<!doctype html><html lang="en"><head><title>Merino blankets | Wool &amp; Co</title></head><body>
      <h1>Merino blankets</h1><p>You choose, we knit.</p><footer>FOOTER</footer></body></html>)";
    auto write = [&](const std::string& name, const std::string& footer) {
      std::string html = page;
      html.replace(html.find("FOOTER"), 6, footer);
      test::write_file(dir / name / "index.html", html);
      const auto r = test::run_amable({"audit", (dir / name).string(), "-q", "-o", (dir / (name + ".json")).string(), "-f", "json"});
      REQUIRE(r.exit_code == 0);
      return (dir / (name + ".json")).string();
    };
    base = write("base", "Write to care@woolandco.co.uk");
    head = write("head", "Thanks for visiting");
  }
};
}  // namespace

TEST_CASE("diff: new and fixed problems with score deltas; --max-drop gates") {
  Pair p;
  const auto r = test::run_amable({"diff", p.base, p.head, "-f", "json"});
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["base"]["score"].get<int>() > j["head"]["score"].get<int>());
  bool new_email = false;
  for (const auto& c : j["new"]) new_email = new_email || (c["rule"] == "contact-email" && c["url"] == "index.html");
  CHECK(new_email);
  const auto back = nlohmann::json::parse(test::run_amable({"diff", p.head, p.base, "-f", "json"}).out);
  bool fixed_email = false;
  for (const auto& c : back["fixed"]) fixed_email = fixed_email || c["rule"] == "contact-email";
  CHECK(fixed_email);

  CHECK(test::run_amable({"diff", p.base, p.head, "--max-drop", "1"}).exit_code == 1);
  CHECK(test::run_amable({"diff", p.base, p.head, "--max-drop", "100"}).exit_code == 0);
  CHECK(test::run_amable({"diff", p.base, p.base, "--max-drop", "0"}).exit_code == 0);
  const auto text = test::run_amable({"diff", p.base, p.head, "--max-drop", "1"});
  CHECK(text.out.find("Failed gate: the score dropped by") != std::string::npos);
  CHECK(text.out.find("contact-email") != std::string::npos);
  const auto md = test::run_amable({"diff", p.base, p.head, "-f", "markdown"});
  CHECK(md.out.find("| **score** |") != std::string::npos);
}

TEST_CASE("diff: a new problem in an error-severity rule exits 1") {
  Pair p;
  // Mark contact-email as error severity in the later report, as a config file would.
  auto head = nlohmann::json::parse(test::read_file(p.head));
  for (auto& rule : head["rules"])
    if (rule["id"] == "contact-email") rule["severity"] = "error";
  test::write_file(p.head, head.dump());
  const auto r = test::run_amable({"diff", p.base, p.head});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("a new problem in error-severity rule contact-email") != std::string::npos);
}

TEST_CASE("diff: an unreadable report exits 3 naming it") {
  Pair p;
  const auto r = test::run_amable({"diff", p.base, "/nonexistent/head.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("/nonexistent/head.json") != std::string::npos);
}
