#pragma once
// amable.json: per-rule switches, weights, severities and options; thresholds; crawl options.
// Unknown keys are errors that name the key, so a typo never passes silently.
#include <expected>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/report.hpp"

namespace amable::engine {

struct RuleSetting {
  std::optional<bool> enabled;
  std::optional<double> weight;
  std::optional<model::Severity> severity;
  nlohmann::json options = nlohmann::json::object();
};

struct CrawlSettings {
  std::optional<int> max_pages, max_depth, concurrency, per_host;
  std::optional<double> timeout_s, delay_ms;
  std::optional<std::string> user_agent, user, cookie;
  std::optional<bool> ignore_robots, sitemap;
  std::vector<std::string> include, exclude, headers;
  std::optional<size_t> max_bytes;
};

// Pages built by scripts (src/render/): which to render, with which browser, how.
struct RenderSettings {
  std::optional<std::string> mode;     // never | auto | always
  std::optional<std::string> browser;  // executable; default: chromium-headless-shell, else a Chromium
  std::optional<int> tabs, max_pages;
  std::optional<double> timeout_s;
};

struct Config {
  std::map<std::string, RuleSetting> rules;
  std::optional<int> fail_under;
  std::optional<std::string> report_lang;
  std::optional<std::string> lang;
  std::optional<std::string> baseline;
  CrawlSettings crawl;
  RenderSettings render;
};

// The rules a config may name, each with the options it takes (rules::rule_catalog()).
using RuleCatalog = std::map<std::string, std::vector<std::string>, std::less<>>;

// `source` names the input in error messages ("amable.json"). Unknown keys, rules and rule
// options are errors that name them, with the closest known one when there is one.
std::expected<Config, std::string> parse_config(std::string_view json_text, std::string_view source, const RuleCatalog& known_rules);
std::expected<Config, std::string> load_config(const std::filesystem::path& path, const RuleCatalog& known_rules);

}  // namespace amable::engine
