#include "rules/rule_support.hpp"

#include <algorithm>
#include <cmath>

#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::rules {

double depth_score(int depth) {
  if (depth < 0) return 0;
  if (depth <= 1) return 1.0;
  if (depth == 2) return 0.7;
  if (depth == 3) return 0.4;
  return 0;
}

model::Finding finding(const model::Evidence& where, std::string message, std::string kind) {
  model::Finding f;
  f.url = where.url;
  f.message = std::move(message);
  f.evidence = util::truncate_chars(where.snippet, 200);
  f.selector = where.selector;
  f.kind = std::move(kind);
  return f;
}

model::Finding page_finding(const std::string& url, std::string message, std::string kind) {
  model::Finding f;
  f.url = url;
  f.message = std::move(message);
  f.kind = std::move(kind);
  return f;
}

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + " %"; }

std::string start_host(const model::Site& site) {
  if (site.kind != "http") return {};
  return url::host_of(site.start);
}

bool targets_eu(const model::Site& site) {
  static constexpr std::string_view k_eu[] = {"at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr",
                                              "de", "gr", "hu", "ie", "it", "lv", "lt", "lu", "mt", "nl",
                                              "pl", "pt", "ro", "sk", "si", "es", "se", "eu"};
  auto is_eu = [](std::string_view code) {
    const std::string c = util::to_lower_ascii(code);
    return std::find(std::begin(k_eu), std::end(k_eu), c) != std::end(k_eu);
  };
  const std::string host = start_host(site);
  if (const auto dot = host.rfind('.'); dot != std::string::npos && is_eu(std::string_view(host).substr(dot + 1)))
    return true;
  const auto* home = site.home();
  if (!home) return false;
  const std::string& tag = home->facts.lang_tag;
  if (const auto cut = tag.find_first_of("-_"); cut != std::string::npos && is_eu(tag.substr(cut + 1))) return true;
  return home->facts.euro_prices;
}

}  // namespace amable::rules
