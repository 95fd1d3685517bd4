#include "engine/config.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "util/text.hpp"

namespace amable::engine {
namespace {

using nlohmann::json;

// Errors carry the path of the offending key: "amable.json: crawl.max_pages: must be ...".
struct ConfigError {
  std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw ConfigError{path + ": " + what}; }

int as_int(const json& v, const std::string& path, int lo, int hi) {
  if (!v.is_number_integer()) fail(path, "must be a whole number");
  const auto n = v.get<long long>();
  if (n < lo || n > hi) fail(path, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return static_cast<int>(n);
}

double as_number(const json& v, const std::string& path, double lo, double hi) {
  if (!v.is_number()) fail(path, "must be a number");
  const double n = v.get<double>();
  if (n < lo || n > hi) fail(path, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return n;
}

bool as_bool(const json& v, const std::string& path) {
  if (!v.is_boolean()) fail(path, "must be true or false");
  return v.get<bool>();
}

std::string as_string(const json& v, const std::string& path) {
  if (!v.is_string()) fail(path, "must be a string");
  return v.get<std::string>();
}

std::vector<std::string> as_strings(const json& v, const std::string& path) {
  if (v.is_string()) return {v.get<std::string>()};
  if (!v.is_array()) fail(path, "must be a string or a list of strings");
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(as_string(e, path));
  return out;
}

model::Severity as_severity(const json& v, const std::string& path) {
  const auto s = as_string(v, path);
  auto sev = model::severity_from(s);
  if (!sev) fail(path, "\"" + s + "\" is not a severity (error, warning, off)");
  return *sev;
}

std::string as_lang(const json& v, const std::string& path) {
  const auto s = as_string(v, path);
  if (s != "auto" && s != "en" && s != "es") fail(path, "\"" + s + "\" is not a report language (auto, en, es)");
  return s;
}

std::string as_content_lang(const json& v, const std::string& path) {
  const auto s = as_string(v, path);
  static constexpr std::string_view k_langs[] = {"en", "es", "fr", "de", "it", "pt"};
  if (std::find(std::begin(k_langs), std::end(k_langs), s) == std::end(k_langs))
    fail(path, "\"" + s + "\" is not a language amable reads (en, es, fr, de, it, pt)");
  return s;
}

// ", did you mean \"x\"?" when one of `known` is a typo away from `word`.
std::string suggestion(std::string_view word, const std::vector<std::string>& known) {
  const auto near = util::closest(word, known);
  return near.empty() ? std::string() : ", did you mean \"" + near + "\"?";
}

RuleSetting rule_setting(const json& v, const std::string& path, const std::vector<std::string>& options) {
  RuleSetting r;
  if (v.is_boolean()) {
    r.enabled = v.get<bool>();
    return r;
  }
  if (v.is_string()) {  // "error" | "warning" | "off"
    r.severity = as_severity(v, path);
    r.enabled = *r.severity != model::Severity::off;
    return r;
  }
  if (!v.is_object()) fail(path, "must be true, false, a severity, or an object");
  for (const auto& [key, value] : v.items()) {
    const std::string p = path + "." + key;
    if (key == "enabled") r.enabled = as_bool(value, p);
    else if (key == "weight") r.weight = as_number(value, p, 0, 100);
    else if (key == "severity") {
      r.severity = as_severity(value, p);
      if (*r.severity == model::Severity::off) r.enabled = false;
    } else if (key == "options") {
      if (!value.is_object()) fail(p, "must be an object");
      for (const auto& [name, option] : value.items())
        if (std::find(options.begin(), options.end(), name) == options.end())
          fail(p + "." + name, options.empty() ? std::string("unknown option: this rule takes none")
                                               : "unknown option (this rule takes: " + util::join(options, ", ") + ")" + suggestion(name, options));
      r.options = value;
    } else fail(p, "unknown key (expected enabled, weight, severity, options)" + suggestion(key, {"enabled", "weight", "severity", "options"}));
  }
  return r;
}

CrawlSettings crawl_settings(const json& v, const std::string& path) {
  if (!v.is_object()) fail(path, "must be an object");
  CrawlSettings c;
  for (const auto& [key, value] : v.items()) {
    const std::string p = path + "." + key;
    if (key == "max_pages") c.max_pages = as_int(value, p, 1, 1000000);
    else if (key == "max_depth") c.max_depth = as_int(value, p, 0, 1000);
    else if (key == "concurrency") c.concurrency = as_int(value, p, 1, 512);
    else if (key == "per_host") c.per_host = as_int(value, p, 1, 512);
    else if (key == "timeout") c.timeout_s = as_number(value, p, 0.1, 3600);
    else if (key == "delay") c.delay_ms = as_number(value, p, 0, 600000);
    else if (key == "user_agent") c.user_agent = as_string(value, p);
    else if (key == "user") c.user = as_string(value, p);
    else if (key == "cookie") c.cookie = as_string(value, p);
    else if (key == "ignore_robots") c.ignore_robots = as_bool(value, p);
    else if (key == "sitemap") c.sitemap = as_bool(value, p);
    else if (key == "include") c.include = as_strings(value, p);
    else if (key == "exclude") c.exclude = as_strings(value, p);
    else if (key == "headers") c.headers = as_strings(value, p);
    else if (key == "max_bytes") c.max_bytes = static_cast<size_t>(as_number(value, p, 1024, 1e9));
    else
      fail(p, "unknown key" + suggestion(key, {"max_pages", "max_depth", "concurrency", "per_host", "timeout", "delay", "user_agent", "user",
                                              "cookie", "ignore_robots", "sitemap", "include", "exclude", "headers", "max_bytes"}));
  }
  return c;
}

RenderSettings render_settings(const json& v, const std::string& path) {
  if (!v.is_object()) fail(path, "must be an object");
  RenderSettings r;
  for (const auto& [key, value] : v.items()) {
    const std::string p = path + "." + key;
    if (key == "mode") {
      r.mode = as_string(value, p);
      if (*r.mode != "never" && *r.mode != "auto" && *r.mode != "always") fail(p, "\"" + *r.mode + "\" is not a render mode (never, auto, always)");
    } else if (key == "browser") r.browser = as_string(value, p);
    else if (key == "tabs") r.tabs = as_int(value, p, 1, 16);
    else if (key == "max_pages") r.max_pages = as_int(value, p, 0, 1000000);
    else if (key == "timeout") r.timeout_s = as_number(value, p, 0.5, 600);
    else fail(p, "unknown key" + suggestion(key, {"mode", "browser", "tabs", "max_pages", "timeout"}));
  }
  return r;
}

}  // namespace

std::expected<Config, std::string> parse_config(std::string_view json_text, std::string_view source, const RuleCatalog& known_rules) {
  const std::string src(source);
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number too large
    return std::unexpected(src + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) return std::unexpected(src + ": must hold a JSON object");
  try {
    Config c;
    for (const auto& [key, value] : j.items()) {
      const std::string p = src + ": " + key;
      if (key == "$schema" || key == "//" || key.starts_with("_comment")) continue;  // annotations
      if (key == "rules") {
        if (!value.is_object()) fail(p, "must be an object of rule ids");
        std::vector<std::string> ids;
        for (const auto& [id, options] : known_rules) ids.push_back(id);
        for (const auto& [id, setting] : value.items()) {
          const auto known = known_rules.find(id);
          if (known == known_rules.end()) fail(p + "." + id, "unknown rule (see `amable rules`)" + suggestion(id, ids));
          c.rules[id] = rule_setting(setting, p + "." + id, known->second);
        }
      } else if (key == "fail_under") {
        c.fail_under = as_int(value, p, 0, 100);
      } else if (key == "report_lang") {
        c.report_lang = as_lang(value, p);
      } else if (key == "lang") {
        c.lang = as_content_lang(value, p);
      } else if (key == "baseline") {
        c.baseline = as_string(value, p);
      } else if (key == "crawl") {
        c.crawl = crawl_settings(value, p);
      } else if (key == "render") {
        c.render = render_settings(value, p);
      } else {
        fail(p, "unknown key (expected rules, fail_under, report_lang, lang, baseline, crawl, render)" +
                    suggestion(key, {"rules", "fail_under", "report_lang", "lang", "baseline", "crawl", "render"}));
      }
    }
    return c;
  } catch (const ConfigError& e) {
    return std::unexpected(e.message);
  } catch (const json::exception& e) {
    return std::unexpected(src + ": " + e.what());
  }
}

std::expected<Config, std::string> load_config(const std::filesystem::path& path, const RuleCatalog& known_rules) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(path.string() + ": cannot be read");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_config(ss.str(), path.string(), known_rules);
}

}  // namespace amable::engine
