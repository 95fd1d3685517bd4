// contact-email (RULES.md R1): a real, visible e-mail address, best in the footer of every
// page and on the contact page. Detection lives in site/emails.cpp; this file scores it.
// Texts: rules/messages/contact-email.json.
#include <algorithm>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"

namespace amable::rules {
namespace {

using model::Site;

bool has_visible_address(const model::PageRecord& p, const Site& site) {
  const size_t i = site.index_of(p);
  return std::any_of(site.facts.emails.begin(), site.facts.emails.end(), [&](const model::SiteEmail& e) {
    return e.visible && !e.placeholder && std::find(e.visible_pages.begin(), e.visible_pages.end(), i) != e.visible_pages.end();
  });
}

// Where the best-placed visible address is: the "every page" test, else the reachable test.
double visible_score(const Site& site, const std::vector<const model::SiteEmail*>& visible, const engine::RuleContext& ctx,
                     engine::RuleOutcome& o) {
  const auto* contact = site.key_page(model::k_class_contact);
  auto on_page = [&](size_t i) {
    return std::any_of(visible.begin(), visible.end(), [&](const auto* e) {
      return std::find(e->visible_pages.begin(), e->visible_pages.end(), i) != e->visible_pages.end();
    });
  };
  const auto without = pages_without(site, [&](const model::PageRecord& p) { return has_visible_address(p, site); });
  const double share = without["share"].get<double>();
  if (share >= 0.8) {
    o.hold(ctx, "contact-email/holds-on-contact-page");
    if (!contact || on_page(site.index_of(*contact))) return 1.0;
    o.holds.pop_back();
    o.problem_on(ctx, "contact-email/not-on-contact-page", {}, contact->url, 0.1, false);
    o.lack(ctx, "contact-email/lacks-contact-page");
    return 0.9;
  }
  int best_depth = -1;
  for (const auto* e : visible)
    for (size_t i : e->visible_pages) {
      const int d = site.pages[i].depth;
      if (d >= 0 && (best_depth < 0 || d < best_depth)) best_depth = d;
    }
  const double s = best_depth >= 0 && best_depth <= 1 ? 0.8 : best_depth == 2 || best_depth == 3 ? 0.5 : 0.3;
  o.problem_on(ctx, "contact-email/not-on-every-page", without, site.start, 1.0 - s);
  o.lack(ctx, "contact-email/lacks-every-page", {}, ctx.say("contact-email/fix-footer", {{"value", visible.front()->value}}));
  return s;
}

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  std::vector<const model::SiteEmail*> visible, unseen;
  for (const auto& e : site.facts.emails) {
    if (e.placeholder) {
      o.problem(ctx, "contact-email/placeholder", {{"value", e.value}}, e.first, 0);
      continue;
    }
    (e.visible ? visible : unseen).push_back(&e);
  }

  const bool form = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.contact_form; });
  const bool chat = std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.chat_widget; });

  if (!visible.empty()) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto* e : visible) values.push_back(e->value);
    const double share = share_of_pages(site, [&](const model::PageRecord& p) { return has_visible_address(p, site); });
    o.hold(ctx, "contact-email/holds-shown", {{"count", visible.size()}, {"values", values}, {"share", share}});
    double s = visible_score(site, visible, ctx, o);
    if (std::all_of(visible.begin(), visible.end(), [](const auto* e) { return e->noreply; })) {
      s -= 0.1;
      o.problem(ctx, "contact-email/noreply-only", {{"value", visible.front()->value}}, visible.front()->first, 0.1);
      o.lack(ctx, "contact-email/lacks-reply", {{"value", visible.front()->value}});
    }
    for (const auto* e : visible) o.evidence(ctx, "contact-email/shown", {{"value", e->value}}, e->first);
    o.score = std::max(0.0, s);
    return o;
  }

  const auto mailto = std::find_if(unseen.begin(), unseen.end(), [](const auto* e) {
    return std::find(e->sources.begin(), e->sources.end(), "mailto") != e->sources.end();
  });
  if (mailto != unseen.end()) {
    o.score = 0.5;
    o.problem(ctx, "contact-email/mailto-only", {{"value", (*mailto)->value}}, (*mailto)->first, 0.5);
    o.hold(ctx, "contact-email/holds-mailto", {{"value", (*mailto)->value}});
    o.lack(ctx, "contact-email/lacks-text");
    return o;
  }

  const auto image = std::find_if(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.email_image; });
  if (!unseen.empty() || image != site.pages.end()) {
    o.score = 0.2;
    if (!unseen.empty())
      o.problem(ctx, "contact-email/structured-only", {{"value", unseen.front()->value}}, unseen.front()->first, 0.8);
    else
      o.problem(ctx, "contact-email/image-only", {}, *image->facts.email_image, 0.8);
    o.lack(ctx, "contact-email/lacks-text");
    return o;
  }

  if (form || chat) {
    o.score = 0.3;
    const auto* p = &*std::find_if(site.pages.begin(), site.pages.end(), [](const auto& pg) { return pg.ok() && (pg.facts.contact_form || pg.facts.chat_widget); });
    if (p->facts.contact_form_where)
      o.problem(ctx, "contact-email/form-only", {}, *p->facts.contact_form_where, 0.7);
    else
      o.problem_on(ctx, "contact-email/chat-only", {}, p->url, 0.7);
    o.hold(ctx, "contact-email/holds-form");
    o.lack(ctx, "contact-email/lacks-text");
    if (!ctx.shop.domain.empty()) o.fix = ctx.say("contact-email/fix-domain", {{"domain", ctx.shop.domain}});
    return o;
  }

  o.score = 0;
  o.problem_on(ctx, "contact-email/none", {}, site.start, 1.0);
  if (std::any_of(site.pages.begin(), site.pages.end(), [](const auto& p) { return p.ok() && p.facts.js_email; }))
    o.info(ctx, "contact-email/script-built", {}, site.start);
  o.lack(ctx, "contact-email/lacks-any");
  if (!ctx.shop.domain.empty()) o.fix = ctx.say("contact-email/fix-domain", {{"domain", ctx.shop.domain}});
  o.caps.push_back({40, ctx.both("contact-email/cap-no-contact"), "no-contact"});
  return o;
}

}  // namespace

engine::Rule contact_email_rule() {
  engine::Rule r;
  r.meta.id = "contact-email";
  r.meta.title = {"Customers can find an e-mail address", "Los clientes encuentran una dirección de correo"};
  r.meta.warn_title = {"An e-mail address is shown, but not everywhere it should be", "Hay una dirección de correo, pero no en todas partes"};
  r.meta.failure_title = {"No usable e-mail address is shown", "No se muestra una dirección de correo utilizable"};
  r.meta.description = {"Shoppers who cannot find an e-mail address cannot ask before they buy or complain after.",
                        "Quien no encuentra una dirección de correo no puede preguntar antes de comprar ni reclamar después."};
  r.meta.fix = {"Show a real customer-service e-mail address in the footer of every page and on the Contact page.",
                "Muestra una dirección real de atención al cliente en el pie de todas las páginas y en la de Contacto."};
  grade_bilingual(r, model::Category::reachability, 8, "critical", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
