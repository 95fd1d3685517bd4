#include "engine/report_builder.hpp"

#include <algorithm>

#include "engine/shop_words.hpp"
#include "model/messages.hpp"

namespace amable::engine {
namespace {

// Where a fact's best sighting is: its page and the region's name.
model::FactOrigin origin(const model::Evidence& where) {
  return model::FactOrigin{where.url.str(), std::string(model::region_name(where.region, where.zone))};
}

model::EmailFact email_fact(const model::Site& site, const model::SiteEmail& e, bool visible_only) {
  model::EmailFact f;
  f.origin = origin(e.first);
  f.value = e.value;
  f.generic = e.generic;
  f.placeholder = e.placeholder;
  f.sources = e.sources;
  for (size_t i : visible_only ? e.visible_pages : e.pages) f.urls.push_back(site.pages[i].url);
  return f;
}

}  // namespace

model::Facts report_facts(const model::Site& site) {
  model::Facts f;
  for (const auto& e : site.facts.emails) {
    if (e.visible)
      f.emails.push_back(email_fact(site, e, true));
    else
      f.unseen_emails.push_back(email_fact(site, e, false));
  }
  for (const auto cls : model::k_key_classes) {
    const auto* p = site.key_page(cls);
    f.key_pages[std::string(model::class_name(cls))] = p ? std::optional<std::string>(p->url) : std::nullopt;
  }
  auto urls = [&](const std::vector<size_t>& pages) {
    std::vector<std::string> out;
    for (size_t i : pages) out.push_back(site.pages[i].url);
    return out;
  };
  for (const auto& p : site.facts.phones) {
    // A number only in structured data is not shown to anyone.
    if (!p.hit.visible && !p.hit.tel_link && p.hit.kind != "whatsapp") continue;
    model::PhoneFact pf;
    pf.value = p.hit.value;
    pf.e164 = p.hit.e164;
    pf.kind = p.hit.kind;
    pf.line_type = p.hit.line_type;
    pf.placeholder = p.hit.placeholder;
    pf.tel_link = p.hit.tel_link;
    pf.urls = urls(p.pages);
    pf.origin = origin(p.hit.where);
    f.phones.push_back(std::move(pf));
  }
  for (const auto& a : site.facts.addresses)
    if (a.hit.source != "structured-data" && !a.hit.placeholder) f.addresses.push_back({origin(a.hit.where), a.hit.value, urls(a.pages)});
  for (const auto& h : site.facts.hours)
    if (!h.hit.always && !h.hit.structured) f.office_hours.push_back({origin(h.hit.where), h.hit.value, urls(h.pages)});
  for (const auto& p : site.facts.people)
    f.named_contacts.push_back({origin(p.hit.where), p.hit.name, p.hit.role, p.hit.how, urls(p.pages)});
  for (const auto& p : site.pages)
    if (p.ok())
      for (const auto& c : p.facts.clutter)
        f.intro_clutter.push_back({c.kind, p.url, c.where.snippet, std::string(model::region_name(c.where.region, c.where.zone)), c.intro});
  if (const auto* home = site.home(); home && home->ok())
    for (const auto& c : home->facts.clutter)
      if (c.intro) {
        f.intro = {true, c.kind, home->url, std::string(model::region_name(c.where.region, c.where.zone)), c.where.snippet};
        break;
      }
  f.copy.visitor_terms = site.facts.visitor_terms;
  f.copy.company_terms = site.facts.company_terms;
  f.copy.pages = site.facts.copy_pages;
  if (site.facts.visitor_terms + site.facts.company_terms >= 1)
    f.copy.visitor_ratio = site.facts.visitor_terms / (site.facts.visitor_terms + site.facts.company_terms);
  const auto& r = site.facts.returns;
  if (r.page) f.return_policy.url = site.pages[*r.page].url;
  if (!r.terms.empty()) f.return_policy.region = model::region_name(r.terms.front().where.region, r.terms.front().where.zone);
  f.return_policy.stated = r.stated;
  f.return_policy.window_days = r.window_days;
  if (!r.refund_method.empty()) f.return_policy.refund_method = r.refund_method;
  if (!r.return_shipping_paid_by.empty()) f.return_policy.return_shipping_paid_by = r.return_shipping_paid_by;
  return f;
}

model::Report build_report(const model::Site& site, RuleResults results, const Scores& scores,
                           const ReportMeta& meta) {
  model::Report r;
  r.tool_version = AMABLE_VERSION;
  r.target = meta.target;
  r.started_at = meta.started_at;
  r.duration_ms = meta.duration_ms;
  r.language = site.language;
  r.report_language = meta.report_lang;
  const auto words = shop_words(site);
  r.shop = model::ShopInfo{words.name, site.profile.country, site.profile.jurisdiction.empty() ? "neutral" : site.profile.jurisdiction};
  r.config_file = meta.config_file;
  r.score = scores.overall;
  r.grade = scores.grade;
  r.provisional = scores.provisional;
  r.coverage = scores.coverage;
  r.caps = scores.caps_applied;
  r.categories = scores.categories;
  r.rules = std::move(results.rules);
  r.facts = report_facts(site);
  r.crawl.kind = site.kind;
  r.crawl.start = site.start;
  r.crawl.checked_http_redirect = site.fetch.checked_http_redirect;
  r.crawl.http_redirects_to_https = site.fetch.http_redirects_to_https;
  r.crawl.hsts = site.fetch.hsts;
  r.crawl.robots_found = site.fetch.robots_found;
  r.crawl.sitemaps = site.fetch.sitemaps;
  r.pages.reserve(site.pages.size());  // no doubling: a large site's page list is most of the report
  for (const auto& p : site.pages) {
    model::PageReport pr;
    pr.url = p.url;
    pr.final_url = p.final_url;
    pr.status = p.status;
    pr.depth = p.depth;
    pr.bytes = p.bytes;
    pr.title = p.facts.title;
    pr.lang = p.facts.lang;
    if (!p.error.empty()) pr.error = p.error.text(meta.report_lang);
    pr.content_type = p.content_type;
    pr.fetch_ms = p.fetch_ms;
    pr.via = p.via;
    pr.rendered = p.rendered;
    pr.classes = model::class_names(p.classes);
    pr.lang_declared = p.facts.lang_declared;
    pr.lang_mismatch = p.facts.lang_mismatch;
    std::string note = p.note.text(meta.report_lang);
    if (p.depth < 0 && p.via == "sitemap")
      note += std::string(note.empty() ? "" : "; ") + model::render_message("note/only-in-sitemap", {}, meta.report_lang);
    if (p.depth < 0 && p.via == "folder")
      note += std::string(note.empty() ? "" : "; ") + model::render_message("note/only-in-folder", {}, meta.report_lang);
    for (const auto& n : p.facts.notes) note += (note.empty() ? "" : "; ") + n.text(meta.report_lang);
    pr.note = note;
    r.pages.push_back(std::move(pr));
  }
  for (const auto& e : site.errors) r.errors.push_back({e.url, e.error.text(meta.report_lang)});
  for (const auto& n : site.fetch.notes) r.notes.push_back(n.text(meta.report_lang));
  size_t mismatches = 0;
  for (const auto& p : site.pages)
    if (p.ok() && p.facts.lang_mismatch) ++mismatches;
  if (mismatches > 0) r.notes.push_back(model::render_message("note/lang-mismatch", {{"count", mismatches}}, meta.report_lang));
  return r;
}

}  // namespace amable::engine
