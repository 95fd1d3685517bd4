#include "site/site_facts.hpp"

#include <algorithm>
#include <set>

#include "site/emails.hpp"

namespace amable::site {
namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

void join_emails(model::Site& site) {
  auto& out = site.facts.emails;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const auto& p = site.pages[i];
    if (!p.ok()) continue;
    for (const auto& hit : p.facts.emails) {
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.value == hit.value; });
      if (it == out.end()) {
        model::SiteEmail e;
        e.value = hit.value;
        e.generic = is_role_mailbox(hit.value);
        e.placeholder = is_placeholder_email(hit.value);
        e.noreply = is_noreply(hit.value);
        e.first = hit.where;
        out.push_back(std::move(e));
        it = out.end() - 1;
      }
      add_unique(it->sources, hit.source);
      if (it->pages.empty() || it->pages.back() != i) it->pages.push_back(i);
      if (hit.visible) {
        if (!it->visible) it->first = hit.where;
        it->visible = true;
        if (it->visible_pages.empty() || it->visible_pages.back() != i) it->visible_pages.push_back(i);
      }
      it->in_chrome = it->in_chrome || hit.in_chrome;
    }
  }
}

bool is_returns_page(const model::PageRecord& p) { return (p.classes & model::k_class_returns) != 0; }

// Terms that count on page `p`: everywhere in its main text when the page is about returns,
// else only inside returns contexts.
std::vector<model::TermHit> counted_terms(const model::PageRecord& p, bool whole_page) {
  std::vector<model::TermHit> t = p.facts.returns.terms;
  if (whole_page)
    for (const auto& h : p.facts.returns.whole_page_terms) t.push_back(h);
  return t;
}

bool states_terms(const std::vector<model::TermHit>& terms, bool window) {
  const bool red_flag = std::any_of(terms.begin(), terms.end(), [](const auto& h) { return h.item == "red-flag"; });
  return window || red_flag || clarity_items(terms, false) >= 2;
}

void summarise_returns(model::Site& site) {
  auto& r = site.facts.returns;
  auto fill = [&](size_t i, bool whole_page) {
    const auto& p = site.pages[i];
    r.page = i;
    r.dedicated_page = (p.facts.own_classes & model::k_class_returns) != 0 || is_returns_page(p);
    r.terms = counted_terms(p, whole_page);
    r.window_days = p.facts.returns.window_days;
    if (!r.window_days && whole_page) r.window_days = p.facts.returns.whole_page_window_days;
    r.stated = states_terms(r.terms, r.window_days.has_value());
    r.refund_method = p.facts.returns.refund_method;
    r.return_shipping_paid_by = p.facts.returns.return_shipping_paid_by;
  };
  std::optional<size_t> key;
  if (const auto* page = site.key_page(model::k_class_returns)) {
    key = site.index_of(*page);
    fill(*key, is_returns_page(*page));
    if (r.stated) return;
  }
  // The returns page does not state terms (or there is none): the first page that states them
  // in a returns context (a product page's "30-day free returns", a section of the FAQ).
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const auto& p = site.pages[i];
    if (p.ok() && i != key && states_terms(counted_terms(p, false), p.facts.returns.window_days.has_value())) {
      fill(i, false);
      return;
    }
  }
  if (key) fill(*key, is_returns_page(site.pages[*key]));
}

}  // namespace

size_t clarity_items(const std::vector<model::TermHit>& terms, bool window) {
  std::set<std::string> items;
  for (const auto& t : terms)
    if (t.item == "window" || t.item == "conditions" || t.item == "costs" || t.item == "refund" ||
        t.item == "process" || t.item == "exceptions")
      items.insert(t.item);
  if (window) items.insert("window");
  return items.size();
}

void compute_site_facts(model::Site& site) {
  join_emails(site);
  summarise_returns(site);
}

}  // namespace amable::site
