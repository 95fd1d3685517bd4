#include "site/structured.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "util/text.hpp"

namespace amable::site {
namespace {

using nlohmann::json;

std::string bare_type(std::string_view t) {
  for (std::string_view prefix : {"https://schema.org/", "http://schema.org/", "schema:", "https://www.schema.org/", "http://www.schema.org/"})
    if (util::istarts_with(t, prefix)) return std::string(t.substr(prefix.size()));
  return std::string(t);
}

void add_unique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

void strings_of(const json& j, std::vector<std::string>& out) {
  if (j.is_string()) out.push_back(j.get<std::string>());
  else if (j.is_array())
    for (const auto& e : j)
      if (e.is_string()) out.push_back(e.get<std::string>());
}

std::optional<int> int_of(const json& j) {
  // Numbers from the page may be anything: out of int's range is no day count (a cast would
  // be undefined behaviour). Within ±1e9 a double holds any integer exactly.
  if (j.is_number()) {
    const double d = j.get<double>();
    if (!std::isfinite(d) || std::abs(d) > 1e9) return std::nullopt;
    return static_cast<int>(d);
  }
  if (j.is_string()) {
    const auto s = j.get<std::string>();
    int v = 0;
    bool any = false;
    for (char c : s) {
      if (!util::is_ascii_digit(c)) break;
      v = v * 10 + (c - '0');
      any = true;
      if (v > 100000) break;
    }
    if (any) return v;
  }
  return std::nullopt;
}

void visit(const json& root, model::StructuredFacts& f) {
  // Iterative walk: structured data comes from the site and may be deeply nested.
  std::vector<const json*> todo{&root};
  size_t visited = 0;
  while (!todo.empty() && ++visited < 20000) {
    const json* j = todo.back();
    todo.pop_back();
    if (j->is_array()) {
      for (const auto& e : *j) todo.push_back(&e);
      continue;
    }
    if (!j->is_object()) continue;
    std::vector<std::string> types;
    if (auto it = j->find("@type"); it != j->end()) strings_of(*it, types);
    bool return_policy = false;
    for (auto& t : types) {
      t = bare_type(t);
      if (t == "MerchantReturnPolicy") return_policy = true;
      add_unique(f.types, t);
    }
    for (const auto& [key, value] : j->items()) {
      if (key == "email") {
        std::vector<std::string> v;
        strings_of(value, v);
        for (auto& e : v) {
          if (util::istarts_with(e, "mailto:")) e = e.substr(7);
          add_unique(f.emails, std::string(util::trim(e)));
        }
      } else if (key == "telephone" || key == "faxNumber") {
        std::vector<std::string> v;
        strings_of(value, v);
        for (auto& t : v) add_unique(f.telephones, std::string(util::trim(t)));
      } else if (key == "hasMerchantReturnPolicy") {
        f.merchant_return_policy = true;
      }
      if (return_policy) {
        if (key == "merchantReturnDays") f.merchant_return_days = int_of(value);
        if (key == "returnFees" && value.is_string()) f.return_fees = bare_type(value.get<std::string>());
        if (key == "refundType" && value.is_string()) f.refund_type = bare_type(value.get<std::string>());
      }
      if (value.is_object() || value.is_array()) todo.push_back(&value);
    }
    if (return_policy) f.merchant_return_policy = true;
    const auto has_type = [&](std::string_view t) { return std::find(types.begin(), types.end(), t) != types.end(); };
    auto str = [&](const char* key) -> std::string {
      auto it = j->find(key);
      if (it == j->end()) return {};
      if (it->is_string()) return it->get<std::string>();
      if (it->is_object() && it->contains("name") && (*it)["name"].is_string()) return (*it)["name"].get<std::string>();
      return {};
    };
    if (has_type("PostalAddress")) {
      if (const std::string c = str("addressCountry"); !c.empty() && f.countries.size() < 10) add_unique(f.countries, c);
      std::string a = str("streetAddress");
      if (!a.empty() && (!str("postalCode").empty() || !str("addressLocality").empty()))
        add_unique(f.addresses, a + ", " + str("postalCode") + " " + str("addressLocality"));
    }
    for (const char* k : {"openingHours", "hoursAvailable"}) {
      std::vector<std::string> v;
      if (auto it = j->find(k); it != j->end()) strings_of(*it, v);
      for (auto& h : v) add_unique(f.opening_hours, h);
    }
    if (auto it = j->find("openingHoursSpecification"); it != j->end() && !it->empty()) add_unique(f.opening_hours, "openingHoursSpecification");
    if (has_type("Person") && (j->contains("telephone") || j->contains("email"))) add_unique(f.people, str("name"));
    if (has_type("SearchAction")) f.search_action = true;
    if (has_type("FAQPage")) f.faq_page = true;
    if (has_type("OfferShippingDetails") || j->contains("shippingDetails") || j->contains("deliveryTime")) f.shipping_details = true;
    if (has_type("Product") && !str("name").empty() && f.product_names.size() < 20) add_unique(f.product_names, str("name"));
    if ((has_type("Organization") || has_type("OnlineStore") || has_type("LocalBusiness") || has_type("Store")) &&
        f.organization_name.empty())
      f.organization_name = str("name");
  }
}

}  // namespace

model::StructuredFacts structured_facts(const model::Page& page) {
  model::StructuredFacts f;
  for (const auto& block : page.json_ld) {
    json j = json::parse(block, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (j.is_discarded()) continue;
    visit(j, f);
  }
  for (const auto& p : page.microdata) {
    if (!p.itemtype.empty())
      for (auto t : util::split_any(p.itemtype, " ")) {
        const std::string b = bare_type(t);
        add_unique(f.types, b);
        if (b == "MerchantReturnPolicy") f.merchant_return_policy = true;
      }
    if (p.prop == "email") {
      std::string e = p.value;
      if (util::istarts_with(e, "mailto:")) e = e.substr(7);
      add_unique(f.emails, std::string(util::trim(e)));
    } else if (p.prop == "telephone" || p.prop == "faxnumber") {
      add_unique(f.telephones, std::string(util::trim(p.value)));
    } else if (p.prop == "hasmerchantreturnpolicy") {
      f.merchant_return_policy = true;
    } else if (p.prop == "streetaddress") {
      add_unique(f.addresses, p.value);
    } else if (p.prop == "openinghours") {
      add_unique(f.opening_hours, p.value);
    } else if (p.prop == "merchantreturndays") {
      f.merchant_return_days = int_of(json(p.value));
    }
  }
  return f;
}

}  // namespace amable::site
