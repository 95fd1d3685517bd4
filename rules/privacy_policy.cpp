// privacy-policy (RULES.md R10): a privacy policy linked from every page and near forms that
// collect data, covering the GDPR essentials where the GDPR applies (Spain, the EU, the UK and
// Ireland); elsewhere, enough words to say what is collected and why.
// score = 0.4 × present + 0.3 × share of pages linking to it + 0.3 × content.
// Texts: rules/messages/privacy-policy.json.
#include <algorithm>
#include <cmath>

#include "rules/rule_list.hpp"
#include "rules/rule_support.hpp"
#include "util/text.hpp"

namespace amable::rules {
namespace {

using model::Site;

bool gdpr(std::string_view jurisdiction) { return jurisdiction == "es" || jurisdiction == "eu" || jurisdiction == "uk-ie"; }

engine::RuleOutcome check(const Site& site, const engine::RuleContext& ctx) {
  engine::RuleOutcome o;
  LinkClasses links(site);
  const auto* page = site.key_page(model::k_class_privacy);
  double present = 0;
  std::string how;
  if (page) {
    present = 1;
    how = page->url;
  } else {
    for (const auto& p : site.pages) {
      if (!p.ok() || present > 0) continue;
      for (const auto& l : p.links) {
        const std::string_view target = site.str(l.target);
        const bool hosted = util::icontains(target, "iubenda.com/privacy-policy") || util::icontains(target, "termly.io/document/privacy-policy") ||
                            util::icontains(target, "privacypolicies.com");
        if (hosted || (links.is(l, model::k_class_privacy, p.facts.lang) && util::iends_with(target, ".pdf"))) {
          present = hosted ? 1.0 : 0.6;
          how = std::string(target);
          break;
        }
      }
    }
  }
  if (present == 0) {
    o.score = 0;
    o.problem_on(ctx, "privacy-policy/none", {}, site.start, 1.0);
    o.lack(ctx, "privacy-policy/lacks-policy");
    return o;
  }
  o.hold(ctx, "privacy-policy/holds-policy", {{"value", how}});
  // A PDF (or a policy hosted elsewhere) is not read here: its content gets half marks, and
  // that half is what this finding costs besides the PDF's own discount.
  if (!page) o.problem_on(ctx, "privacy-policy/pdf-or-hosted", {{"value", how}}, site.start, 0.4 * (1 - present) + 0.3 * 0.5);
  const double share = share_with_chrome_link(site, links, model::k_class_privacy, page);
  o.hold(ctx, "privacy-policy/holds-linked", {{"share", share}});
  if (share < 1.0) {
    const uint32_t key = page ? site.id_of(page->url).value_or(0) : 0;
    const auto without = pages_without(site, [&](const model::PageRecord& p) {
      return std::any_of(p.links.begin(), p.links.end(), [&](const model::LinkRef& l) {
        const bool placed = model::is_chrome(l.region) || site.is_template_link(l);
        return placed && ((key != 0 && l.target == key) || links.is(l, model::k_class_privacy, p.facts.lang));
      });
    });
    o.problem_on(ctx, "privacy-policy/not-linked-everywhere", without, site.start, 0.3 * (1.0 - share));
    o.lack(ctx, "privacy-policy/lacks-link");
  }
  double content = 0.5;  // a PDF or hosted policy: not read here
  if (page) {
    const auto& f = page->facts.privacy;
    nlohmann::json covered = nlohmann::json::array();
    for (const auto& item : f.items) covered.push_back(ctx.say("privacy-policy/item/" + item));
    if (gdpr(ctx.jurisdiction)) {
      content = static_cast<double>(f.items.size()) / 6.0;
      if (f.items.size() < 6) {
        nlohmann::json missing = nlohmann::json::array(), names = nlohmann::json::array();
        for (std::string_view item : {"controller", "purposes", "legal-basis", "rights", "retention", "authority"})
          if (std::find(f.items.begin(), f.items.end(), item) == f.items.end()) {
            missing.push_back(item);
            names.push_back(ctx.say("privacy-policy/item/" + std::string(item)));
          }
        o.problem_on(ctx, "privacy-policy/missing-items", {{"items", missing}, {"names", names}}, page->url, 0, false);
        o.lack(ctx, "privacy-policy/lacks-items", {{"names", names}});
      }
    } else {
      content = std::min(1.0, static_cast<double>(page->facts.words) / 300.0);
      if (content < 1.0) o.problem_on(ctx, "privacy-policy/short", {{"words", page->facts.words}}, page->url, 0, false);
    }
    if (f.placeholder) {
      content *= 0.5;
      o.problem(ctx, "privacy-policy/placeholder", {}, *f.placeholder_where, 0);
    }
    // The content's cost goes on its finding once the content score is final: on the missing
    // items or the shortness, else on the placeholder.
    model::Finding* content_finding = nullptr;
    for (auto& fi : o.findings)
      if (fi.code == "privacy-policy/missing-items" || fi.code == "privacy-policy/short" ||
          (fi.code == "privacy-policy/placeholder" && !content_finding))
        content_finding = &fi;
    if (content_finding) content_finding->points = static_cast<int>(std::lround(0.3 * (1.0 - content) * 100));
    auto& found = o.evidence_on(ctx, covered.empty() ? "privacy-policy/found" : "privacy-policy/found-items", {{"names", covered}}, page->url);
    found.evidence = page->facts.title.empty() ? (page->facts.h1.empty() ? std::string() : page->facts.h1.front()) : page->facts.title;
  }
  size_t forms = 0, consent = 0;
  const model::PageRecord* form_page = nullptr;
  for (const auto& p : site.pages) {
    if (!p.ok()) continue;
    forms += p.facts.privacy.email_forms;
    consent += p.facts.privacy.email_forms_with_consent;
    if (!form_page && p.facts.privacy.email_forms > p.facts.privacy.email_forms_with_consent) form_page = &p;
  }
  if (forms > 0) o.hold(ctx, "privacy-policy/holds-forms", {{"consent", consent}, {"forms", forms}});
  if (form_page) {
    o.info(ctx, "privacy-policy/form-without-link", {}, form_page->url, false).kind = "problem";
    o.lack(ctx, "privacy-policy/lacks-form-link");
  }
  o.score = 0.4 * present + 0.3 * share + 0.3 * content;
  return o;
}

}  // namespace

engine::Rule privacy_policy_rule() {
  engine::Rule r;
  r.meta.id = "privacy-policy";
  r.meta.title = {"A clear privacy policy is linked from every page", "Una política de privacidad clara está enlazada desde todas las páginas"};
  r.meta.warn_title = {"There is a privacy policy, but it is hard to find or incomplete", "Hay política de privacidad, pero cuesta encontrarla o está incompleta"};
  r.meta.failure_title = {"The privacy policy is missing, hidden or incomplete", "La política de privacidad falta, está escondida o incompleta"};
  r.meta.description = {"Shoppers hesitate to give their data to a shop that does not say what it does with it.", "El cliente duda en dar sus datos si la tienda no dice qué hace con ellos."};
  r.meta.fix = {"Link a clear privacy policy from every page footer and from every form.", "Enlaza una política de privacidad clara desde el pie de todas las páginas y desde cada formulario."};
  grade_bilingual(r, model::Category::trust, 5, "major", &check);
  r.meta.reads_chrome = true;
  return r;
}

}  // namespace amable::rules
