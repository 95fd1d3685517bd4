#include "engine/shop_words.hpp"

#include <filesystem>

#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::engine {
namespace {

std::vector<std::string> title_segments(std::string_view title) {
  std::vector<std::string> out;
  std::string_view rest = title;
  while (!rest.empty()) {
    size_t cut = std::string_view::npos, len = 0;
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: "})
      if (const auto p = rest.find(sep); p != std::string_view::npos && p < cut) {
        cut = p;
        len = sep.size();
      }
    const auto seg = util::trim(rest.substr(0, cut));
    if (!seg.empty()) out.emplace_back(seg);
    if (cut == std::string_view::npos) break;
    rest = rest.substr(cut + len);
  }
  return out;
}

std::string squeezed(std::string_view s) {
  std::string out;
  for (char c : util::to_lower_ascii(s))
    if (util::is_ascii_alnum(c)) out += c;
  return out;
}

// The shop's name in its titles: "Benmar Bikes | Road bikes" on the home page and "Bikes | Benmar
// Bikes" elsewhere. The end of the home title (first or last segment) that other pages' titles
// repeat is the brand; on a site of one page, the end that its addresses or e-mail domain spell
// ("Benmar Bikes, 440 Benmar Dr", "info@benmarbikes.com"); else the last segment, where most
// sites put it. A title without separators is the page's name, not the shop's.
std::string brand_of_titles(const model::Site& site, const model::PageRecord& home) {
  const auto segments = title_segments(home.facts.title);
  if (segments.size() < 2) return {};
  const std::string& first = segments.front();
  const std::string& last = segments.back();
  auto recurs = [&](const std::string& seg) {
    size_t n = 0;
    for (const auto& p : site.pages)
      if (&p != &home && p.ok() && util::icontains(p.facts.title, seg)) ++n;
    return n;
  };
  const size_t f = recurs(first), l = recurs(last);
  if (f != l) return f > l ? first : last;
  auto spelt = [&](const std::string& seg) {
    const std::string key = squeezed(seg);
    if (key.size() < 3) return false;
    for (const auto& a : site.facts.addresses)
      if (squeezed(a.hit.value.str()).find(key) != std::string::npos) return true;
    for (const auto& e : site.facts.emails)
      if (squeezed(e.value.substr(e.value.find('@') + 1)).find(key) != std::string::npos) return true;
    return false;
  };
  if (spelt(first) != spelt(last)) return spelt(first) ? first : last;
  return last;
}

}  // namespace

ShopWords shop_words(const model::Site& site) {
  ShopWords w;
  const auto* home = site.home();
  if (home && home->ok()) {
    w.name = home->facts.site_name;
    if (w.name.empty()) w.name = home->facts.sd().organization_name;
    if (w.name.empty()) w.name = brand_of_titles(site, *home);
  }
  std::string host;
  if (site.kind == "http") {
    host = url::host_of(site.start.empty() ? site.target : site.start);
    if (host.starts_with("www.")) host = host.substr(4);
    w.domain = host;
  }
  if (w.domain.empty())
    for (const auto& e : site.facts.emails)
      if (e.visible && !e.placeholder && !e.generic) {
        w.domain = e.value.substr(e.value.find('@') + 1);
        break;
      }
  if (w.domain.empty())
    for (const auto& e : site.facts.emails)
      if (!e.placeholder) {
        w.domain = e.value.substr(e.value.find('@') + 1);
        break;
      }
  // Free mail providers are not the shop's domain.
  for (std::string_view free : {"gmail.com", "hotmail.com", "yahoo.com", "outlook.com", "icloud.com", "live.com", "hotmail.es", "yahoo.es"})
    if (w.domain == free) w.domain.clear();
  if (w.name.empty()) w.name = !host.empty() ? host : std::filesystem::path(site.target).filename().string();
  for (const auto& p : site.facts.phones)
    if (p.hit.kind == "phone" && !p.hit.placeholder && p.hit.visible) {
      w.phone_example = p.hit.value;
      break;
    }
  return w;
}

}  // namespace amable::engine
