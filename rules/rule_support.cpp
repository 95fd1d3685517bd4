#include "rules/rule_support.hpp"

#include <algorithm>
#include <cmath>

#include "site/page_classes.hpp"
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

uint16_t LinkClasses::of(const model::LinkRef& l, std::string_view lang) {
  if (l.text == 0) return 0;
  if (auto it = m_memo.find(l.text); it != m_memo.end()) return it->second;
  const uint16_t c = site::classes_from_label(m_site.str(l.text), lang);
  m_memo.emplace(l.text, c);
  return c;
}

double share_with_chrome_link(const model::Site& site, LinkClasses& classes, model::PageClass c,
                              const model::PageRecord* target) {
  const uint32_t key = target ? site.id_of(target->url).value_or(0) : 0;
  return share_of_pages(site, [&](const model::PageRecord& p) {
    return std::any_of(p.links.begin(), p.links.end(), [&](const model::LinkRef& l) {
      if (l.flags & (model::k_link_refresh | model::k_link_cookie)) return false;
      const bool placed = model::is_chrome(l.region) || site.is_template_link(l);
      return placed && ((key != 0 && l.target == key) || classes.is(l, c, p.facts.lang));
    });
  });
}

bool sells_goods(const model::Site& site) {
  return std::any_of(site.pages.begin(), site.pages.end(), [](const model::PageRecord& p) {
    if (!p.ok()) return false;
    const auto& f = p.facts;
    const auto& types = f.sd().types;
    return f.prices || f.add_to_cart || f.cart_link || (p.classes & model::k_class_cart) ||
           std::find(types.begin(), types.end(), "Product") != types.end() ||
           std::find(types.begin(), types.end(), "Offer") != types.end();
  });
}

}  // namespace amable::rules
