#include <doctest/doctest.h>

#include "engine/config.hpp"

using namespace amable;

namespace {
const engine::RuleCatalog k_rules = {{"contact-email", {}}, {"return-policy", {"x"}}};
}

TEST_CASE("config: rules on/off, weight, severity and options") {
  auto c = engine::parse_config(R"({"rules": {"contact-email": false, "return-policy": {"weight": 20, "severity": "error", "options": {"x": 1}}},
                                    "fail_under": 70, "report_lang": "es", "crawl": {"max_pages": 50, "exclude": "/blog/"}})",
                                "amable.json", k_rules);
  REQUIRE(c.has_value());
  CHECK(c->rules["contact-email"].enabled == false);
  CHECK(c->rules["return-policy"].weight == 20);
  CHECK(c->rules["return-policy"].severity == model::Severity::error);
  CHECK(c->rules["return-policy"].options["x"] == 1);
  CHECK(c->fail_under == 70);
  CHECK(c->report_lang == "es");
  CHECK(c->crawl.max_pages == 50);
  CHECK(c->crawl.exclude == std::vector<std::string>{"/blog/"});
}

TEST_CASE("config: a severity string is shorthand; off disables") {
  auto c = engine::parse_config(R"({"rules": {"contact-email": "off", "return-policy": "error"}})", "amable.json", k_rules);
  REQUIRE(c.has_value());
  CHECK(c->rules["contact-email"].enabled == false);
  CHECK(c->rules["return-policy"].severity == model::Severity::error);
}

TEST_CASE("config: unknown keys are errors naming the key and the file") {
  auto top = engine::parse_config(R"({"rulez": {}})", "my.json", k_rules);
  REQUIRE_FALSE(top.has_value());
  CHECK(top.error().find("my.json") != std::string::npos);
  CHECK(top.error().find("rulez") != std::string::npos);

  auto rule = engine::parse_config(R"({"rules": {"contact-emial": true}})", "amable.json", k_rules);
  REQUIRE_FALSE(rule.has_value());
  CHECK(rule.error().find("contact-emial") != std::string::npos);

  auto nested = engine::parse_config(R"({"rules": {"contact-email": {"wieght": 3}}})", "amable.json", k_rules);
  REQUIRE_FALSE(nested.has_value());
  CHECK(nested.error().find("rules.contact-email.wieght") != std::string::npos);

  auto crawl = engine::parse_config(R"({"crawl": {"max_pagez": 3}})", "amable.json", k_rules);
  REQUIRE_FALSE(crawl.has_value());
  CHECK(crawl.error().find("crawl.max_pagez") != std::string::npos);
}

TEST_CASE("config: bad values and bad JSON are errors naming the input") {
  auto sev = engine::parse_config(R"({"rules": {"contact-email": {"severity": "fatal"}}})", "amable.json", k_rules);
  REQUIRE_FALSE(sev.has_value());
  CHECK(sev.error().find("fatal") != std::string::npos);
  auto range = engine::parse_config(R"({"fail_under": 120})", "amable.json", k_rules);
  REQUIRE_FALSE(range.has_value());
  CHECK(range.error().find("fail_under") != std::string::npos);
  auto json = engine::parse_config("{not json", "broken.json", k_rules);
  REQUIRE_FALSE(json.has_value());
  CHECK(json.error().find("broken.json") != std::string::npos);
}

TEST_CASE("config: unknown rule options, languages and keys are errors that name them, with the closest known one") {
  auto opt = engine::parse_config(R"({"rules": {"return-policy": {"options": {"y": 1}}}})", "amable.json", k_rules);
  REQUIRE_FALSE(opt);
  CHECK(opt.error().find("amable.json: rules.return-policy.options.y: unknown option (this rule takes: x)") != std::string::npos);
  auto none = engine::parse_config(R"({"rules": {"contact-email": {"options": {"min": 1}}}})", "amable.json", k_rules);
  REQUIRE_FALSE(none);
  CHECK(none.error().find("this rule takes none") != std::string::npos);
  auto lang = engine::parse_config(R"({"lang": "xx"})", "amable.json", k_rules);
  REQUIRE_FALSE(lang);
  CHECK(lang.error().find("\"xx\" is not a language amable reads") != std::string::npos);
  auto typo = engine::parse_config(R"({"rules": {"contact-emial": true}})", "amable.json", k_rules);
  REQUIRE_FALSE(typo);
  CHECK(typo.error().find("did you mean \"contact-email\"?") != std::string::npos);
  auto key = engine::parse_config(R"({"fail_undr": 3})", "amable.json", k_rules);
  REQUIRE_FALSE(key);
  CHECK(key.error().find("did you mean \"fail_under\"?") != std::string::npos);
  CHECK(engine::parse_config(R"({"report_lang": "auto"})", "amable.json", k_rules).has_value());
}

TEST_CASE("config: the render section, and its bad values named") {
  auto c = engine::parse_config(R"({"render": {"mode": "always", "browser": "/opt/chrome", "tabs": 4, "max_pages": 20, "timeout": 2.5}})",
                                "amable.json", k_rules);
  REQUIRE(c.has_value());
  CHECK(c->render.mode == "always");
  CHECK(c->render.browser == "/opt/chrome");
  CHECK(c->render.tabs == 4);
  CHECK(c->render.max_pages == 20);
  CHECK(c->render.timeout_s == 2.5);
  auto mode = engine::parse_config(R"({"render": {"mode": "sometimes"}})", "amable.json", k_rules);
  REQUIRE_FALSE(mode.has_value());
  CHECK(mode.error().find("render.mode") != std::string::npos);
  CHECK(mode.error().find("never, auto, always") != std::string::npos);
  auto key = engine::parse_config(R"({"render": {"tab": 2}})", "amable.json", k_rules);
  REQUIRE_FALSE(key.has_value());
  CHECK(key.error().find("\"tabs\"") != std::string::npos);
  CHECK_FALSE(engine::parse_config(R"({"render": {"tabs": 0}})", "amable.json", k_rules).has_value());
}
