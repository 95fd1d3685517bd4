#include "site/site_facts.hpp"

#include <algorithm>
#include <set>

#include "site/emails.hpp"
#include "site/address_shapes.hpp"
#include "site/phones.hpp"
#include "text/fold.hpp"

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

// Terms are stated when a window or a refusal ("no returns") is written out, two terms are
// (a cost, a condition, the refund, the process, an exception) in a returns context, or one is
// in a sentence about returns that does not send the reader elsewhere ("livraison et retour
// gratuit dès 59 €"). A link, a heading or "see our return policy" states nothing.
bool states_terms(const std::vector<model::TermHit>& terms, bool window) {
  const bool red_flag = std::any_of(terms.begin(), terms.end(), [](const auto& h) { return h.item == "red-flag"; });
  // How to send an item back ("by post or to our shops") is not a term on its own.
  const bool own = std::any_of(terms.begin(), terms.end(), [](const auto& t) {
    return t.own_statement && (t.item == "costs" || t.item == "conditions" || t.item == "refund" || t.item == "exceptions");
  });
  return window || red_flag || clarity_items(terms, false) >= 2 || own;
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

namespace {

template <typename Hit, typename Key, typename Merge>
void join(const model::Site& site, std::vector<model::Sighted<Hit>>& out, std::vector<Hit> model::PageFacts::*member,
          Key key, Merge merge) {
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const auto& p = site.pages[i];
    if (!p.ok()) continue;
    for (const auto& hit : p.facts.*member) {
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& s) { return key(s.hit) == key(hit); });
      if (it == out.end()) {
        out.push_back({hit, {i}});
        continue;
      }
      merge(it->hit, hit);
      if (it->pages.back() != i) it->pages.push_back(i);
    }
  }
}

// A theme's sample contact block ("123 Jewelry Lane", "+1 (555) 123-4567"): where the site
// shows sample phone numbers or e-mail addresses, an address whose house number counts (123,
// 1234) is a sample too, whatever its street is called.
void mark_sample_addresses(model::Site& site) {
  const auto& f = site.facts;
  const bool samples = std::any_of(f.phones.begin(), f.phones.end(), [](const auto& p) { return p.hit.placeholder; }) ||
                       std::any_of(f.emails.begin(), f.emails.end(), [](const auto& e) { return e.placeholder; });
  if (!samples) return;
  for (auto& a : site.facts.addresses)
    if (counting_house_number(a.hit.value.str())) a.hit.placeholder = true;
}

// A one-person shop: its contact text speaks in the first person singular and its pages are
// about exactly one person ("Bruce's History"): that person is who the visitor reaches.
void add_owner(model::Site& site) {
  const model::PersonHit* subject = nullptr;
  std::vector<size_t> pages;
  bool speaks_as_one = false;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const auto& p = site.pages[i];
    if (!p.ok()) continue;
    speaks_as_one = speaks_as_one || p.facts.first_person_contact;
    for (const auto& s : p.facts.subjects) {
      if (subject && text::fold(subject->name) != text::fold(s.name)) return;  // two people: not one owner
      if (!subject) subject = &s;
      if (pages.empty() || pages.back() != i) pages.push_back(i);
    }
  }
  if (!subject || !speaks_as_one) return;
  auto& people = site.facts.people;
  const std::string name = text::fold(subject->name);
  if (std::any_of(people.begin(), people.end(), [&](const auto& x) { return text::fold(x.hit.name).starts_with(name); })) return;
  people.push_back({*subject, pages});
}

void join_contact_facts(model::Site& site) {
  auto& f = site.facts;
  join(site, f.phones, &model::PageFacts::phones, [](const model::PhoneHit& h) { return phone_key(h); },
       [](model::PhoneHit& a, const model::PhoneHit& b) { merge_phone(a, b); });
  join(site, f.addresses, &model::PageFacts::addresses, [](const model::AddressHit& h) { return h.value; },
       [](model::AddressHit& a, const model::AddressHit& b) { a.in_chrome = a.in_chrome || b.in_chrome; });
  join(site, f.hours, &model::PageFacts::hours, [](const model::HoursHit& h) { return h.value; },
       [](model::HoursHit& a, const model::HoursHit& b) {
         a.in_chrome = a.in_chrome || b.in_chrome;
         a.near_channel = a.near_channel || b.near_channel;
       });
  join(site, f.people, &model::PageFacts::people, [](const model::PersonHit& h) { return h.name; },
       [](model::PersonHit& a, const model::PersonHit& b) { a.with_channel = a.with_channel || b.with_channel; });
  add_owner(site);
  mark_sample_addresses(site);
  for (const auto& p : site.pages) {
    if (!p.ok() || !copy_counts(p)) continue;
    f.visitor_terms += p.facts.copy.visitor;
    f.company_terms += p.facts.copy.company;
    ++f.copy_pages;
  }
}

}  // namespace

bool copy_counts(const model::PageRecord& p) {
  // Legal and privacy texts speak for the company by nature; they do not say how the shop
  // talks to its visitors (RULES.md R14).
  return (p.classes & (model::k_class_legal | model::k_class_privacy)) == 0;
}

void compute_site_facts(model::Site& site) {
  join_emails(site);
  summarise_returns(site);
  join_contact_facts(site);
}

}  // namespace amable::site
