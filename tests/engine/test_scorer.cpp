#include <doctest/doctest.h>

#include <stdexcept>

#include "engine/runner.hpp"
#include "helpers.hpp"

using namespace amable;
using model::Status;

namespace {

engine::Rule fixed_rule(const std::string& id, model::Category cat, double weight, std::optional<double> score,
                        std::optional<engine::Cap> cap = std::nullopt) {
  static std::map<std::string, std::pair<std::optional<double>, std::optional<engine::Cap>>> table;
  table[id] = {score, cap};
  engine::Rule r;
  r.meta.id = id;
  r.meta.category = cat;
  r.meta.weight = weight;
  r.meta.title = {"ok " + id, ""};
  r.meta.failure_title = {"bad " + id, ""};
  r.meta.needs_text = false;
  // A captureless function: the outcome comes from the table by the rule's id (set per test).
  r.check = [](const model::Site& site, const engine::RuleContext&) -> engine::RuleOutcome {
    const auto& [s, c] = table.at(site.target);
    engine::RuleOutcome o;
    if (!s) return engine::RuleOutcome::not_applicable("n/a");
    o.score = *s;
    if (c) o.caps.push_back(*c);
    return o;
  };
  return r;
}

// Each fixed rule reads its outcome through site.target; run them one by one and merge.
engine::RuleResults run(const std::vector<engine::Rule>& rules) {
  engine::RuleResults all;
  for (const auto& r : rules) {
    model::Site site;
    site.target = r.meta.id;
    auto one = engine::run_rules({r}, site, engine::Config{}, "en");
    for (auto& x : one.rules) all.rules.push_back(std::move(x));
    for (auto& c : one.caps) all.caps.push_back(std::move(c));
  }
  return all;
}

}  // namespace

TEST_CASE("scorer: the overall score is the weighted mean of scored rules; coverage is their weight share") {
  auto results = run({fixed_rule("a-rule", model::Category::trust, 30, 1.0),
                      fixed_rule("b-rule", model::Category::trust, 10, 0.0),
                      fixed_rule("c-rule", model::Category::copy, 60, std::nullopt)});
  const auto s = engine::score(results, "en");
  REQUIRE(s.overall.has_value());
  CHECK(*s.overall == 75);
  CHECK(s.coverage == doctest::Approx(0.4));
  CHECK(s.provisional);  // under 60 %
  CHECK(s.grade == "good");
  REQUIRE(s.categories.size() == 2);
  CHECK(s.categories[0].id == model::Category::trust);
  CHECK(s.categories[0].score == 75);
  CHECK_FALSE(s.categories[1].score.has_value());
}

TEST_CASE("scorer: statuses follow the score; titles follow the status") {
  auto results = run({fixed_rule("p-rule", model::Category::trust, 1, 0.95), fixed_rule("w-rule", model::Category::trust, 1, 0.6),
                      fixed_rule("f-rule", model::Category::trust, 1, 0.2)});
  for (const auto& r : results.rules) {
    if (r.id == "p-rule") CHECK((r.status == Status::pass && r.title == "ok p-rule"));
    if (r.id == "w-rule") CHECK((r.status == Status::warn && r.title == "bad w-rule"));
    if (r.id == "f-rule") CHECK(r.status == Status::fail);
  }
}

TEST_CASE("scorer: rules are ordered by the gain of fixing them, weight x (1 - score)") {
  auto results = run({fixed_rule("small-gain", model::Category::trust, 10, 0.9), fixed_rule("big-gain", model::Category::trust, 5, 0.0)});
  std::stable_sort(results.rules.begin(), results.rules.end(), [](const auto& a, const auto& b) { return engine::gain(a) > engine::gain(b); });
  CHECK(results.rules[0].id == "big-gain");
}

TEST_CASE("scorer: a hard cap limits the overall score") {
  engine::Cap cap{60, {"capped at 60", ""}, ""};
  auto results = run({fixed_rule("a-rule", model::Category::trust, 50, 1.0, cap), fixed_rule("b-rule", model::Category::trust, 50, 1.0)});
  const auto s = engine::score(results, "en");
  CHECK(*s.overall == 60);
  REQUIRE(s.caps_applied.size() == 1);
  CHECK(s.caps_applied[0] == "capped at 60");
}

TEST_CASE("scorer: a group cap needs every scored rule of the group") {
  engine::Cap cap{40, {"no contact", ""}, "no-contact"};
  auto one = run({fixed_rule("contact-email", model::Category::reachability, 50, 0.0, cap),
                  fixed_rule("contact-phone", model::Category::reachability, 50, 1.0)});
  CHECK(*engine::score(one, "en").overall == 50);
  auto both = run({fixed_rule("contact-email", model::Category::reachability, 50, 0.0, cap),
                   fixed_rule("contact-phone", model::Category::reachability, 50, 1.0, cap)});
  CHECK(*engine::score(both, "en").overall == 40);
}

TEST_CASE("runner: a rule that throws becomes status error and the others still run") {
  engine::Rule bad;
  bad.meta.id = "throws";
  bad.meta.weight = 5;
  bad.meta.needs_text = false;
  bad.check = [](const model::Site&, const engine::RuleContext&) -> engine::RuleOutcome { throw std::runtime_error("boom"); };
  engine::Rule good = bad;
  good.meta.id = "works";
  good.check = [](const model::Site&, const engine::RuleContext&) {
    engine::RuleOutcome o;
    o.score = 1.0;
    return o;
  };
  const auto results = engine::run_rules({bad, good}, model::Site{}, engine::Config{}, "en");
  REQUIRE(results.rules.size() == 2);
  for (const auto& r : results.rules) {
    if (r.id == "throws") {
      CHECK(r.status == Status::error);
      CHECK(r.summary.find("boom") != std::string::npos);
      CHECK_FALSE(r.score.has_value());
    } else {
      CHECK(r.status == Status::pass);
    }
  }
  CHECK(*engine::score(results, "en").overall == 100);
}

TEST_CASE("runner: the config turns rules off and changes weight and severity") {
  engine::Rule r;
  r.meta.id = "some-rule";
  r.meta.weight = 5;
  r.meta.needs_text = false;
  r.check = [](const model::Site&, const engine::RuleContext&) {
    engine::RuleOutcome o;
    o.score = 0.5;
    return o;
  };
  engine::Config c;
  c.rules["some-rule"].weight = 9;
  c.rules["some-rule"].severity = model::Severity::error;
  auto results = engine::run_rules({r}, model::Site{}, c, "en");
  CHECK(results.rules.at(0).weight == 9);
  CHECK(results.rules.at(0).severity == model::Severity::error);
  c.rules["some-rule"].enabled = false;
  CHECK(engine::run_rules({r}, model::Site{}, c, "en").rules.empty());
}
