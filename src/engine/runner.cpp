#include "engine/runner.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <set>

namespace amable::engine {

model::Status status_for(double score) {
  if (score >= 0.9) return model::Status::pass;
  if (score >= 0.5) return model::Status::warn;
  return model::Status::fail;
}

double gain(const model::RuleReport& r) {
  if (!r.score) return 0;
  return r.weight * (1.0 - *r.score / 100.0);
}

std::string category_title(model::Category c, const std::string& lang) {
  const bool es = lang == "es";
  switch (c) {
    case model::Category::reachability: return es ? "Contacto" : "Reachability";
    case model::Category::trust: return es ? "Confianza" : "Trust";
    case model::Category::clarity: return es ? "Claridad" : "Clarity";
    case model::Category::copy: return es ? "Textos" : "Copy";
  }
  return {};
}

RuleResults run_rules(const std::vector<Rule>& rules, const model::Site& site, const Config& config,
                      const std::string& report_lang) {
  RuleResults out;
  for (const auto& rule : rules) {
    RuleSetting setting;
    if (auto it = config.rules.find(rule.meta.id); it != config.rules.end()) setting = it->second;
    if (setting.enabled == false) continue;

    RuleContext ctx;
    ctx.lang = report_lang;
    ctx.options = setting.options;
    RuleOutcome o;
    if (site.thin && rule.meta.needs_text) {
      o = RuleOutcome::inconclusive(ctx.t(
          "The pages are built by JavaScript: the raw HTML does not show enough to judge this.",
          "Las páginas se construyen con JavaScript: el HTML no muestra lo suficiente para juzgarlo."));
    } else {
      try {
        o = rule.check(site, ctx);
      } catch (const std::exception& e) {
        o = RuleOutcome{};
        o.status = model::Status::error;
        o.summary = ctx.t("The rule failed: ", "La regla falló: ") + e.what();
      }
    }

    model::RuleReport r;
    r.id = rule.meta.id;
    r.category = rule.meta.category;
    r.weight = setting.weight.value_or(rule.meta.weight);
    r.severity = setting.severity.value_or(model::Severity::warning);
    r.importance = rule.meta.importance;
    r.description = rule.meta.description.in(report_lang);
    r.fix = rule.meta.fix.in(report_lang);
    if (o.score) {
      const double s = std::clamp(*o.score, 0.0, 1.0);
      r.score = static_cast<int>(std::lround(s * 100.0));
      r.status = o.status.value_or(status_for(s));
    } else {
      r.status = o.status.value_or(model::Status::not_applicable);
    }
    r.title = (r.status == model::Status::pass || r.status == model::Status::not_applicable ||
               r.status == model::Status::inconclusive)
                  ? rule.meta.title.in(report_lang)
                  : rule.meta.failure_title.in(report_lang);
    r.summary = std::move(o.summary);
    r.findings = std::move(o.findings);
    if (r.scored())
      for (auto& c : o.caps) out.caps.push_back({r.id, std::move(c)});
    out.rules.push_back(std::move(r));
  }
  std::stable_sort(out.rules.begin(), out.rules.end(), [](const auto& a, const auto& b) {
    const double ga = gain(a), gb = gain(b);
    if (std::abs(ga - gb) > 1e-9) return ga > gb;
    return a.id < b.id;
  });
  return out;
}

namespace {

// RULES.md §3.2: "no contact channel at all" needs every contact rule to agree.
const std::map<std::string, std::set<std::string>>& cap_groups() {
  static const std::map<std::string, std::set<std::string>> groups = {
      {"no-contact", {"contact-email", "contact-phone"}}};
  return groups;
}

}  // namespace

Scores score(const RuleResults& results, const std::string& report_lang) {
  Scores s;
  double total = 0, scored_weight = 0, weighted = 0;
  for (const auto& r : results.rules) {
    total += r.weight;
    if (!r.scored()) continue;
    scored_weight += r.weight;
    weighted += r.weight * *r.score;
  }
  s.coverage = total > 0 ? scored_weight / total : 0;
  s.provisional = s.coverage < 0.6;
  if (scored_weight > 0) {
    int overall = static_cast<int>(std::lround(weighted / scored_weight));
    // Hard caps: a single blocker limits the whole score.
    std::set<std::string> done;
    for (const auto& rc : results.caps) {
      const auto& cap = rc.cap;
      if (!cap.group.empty()) {
        if (done.contains(cap.group)) continue;
        const auto g = cap_groups().find(cap.group);
        bool all = true;
        for (const auto& r : results.rules) {
          if (!r.scored() || g == cap_groups().end() || !g->second.contains(r.id)) continue;
          const bool asked = std::any_of(results.caps.begin(), results.caps.end(), [&](const RuleCap& c) {
            return c.rule == r.id && c.cap.group == cap.group;
          });
          all = all && asked;
        }
        done.insert(cap.group);
        if (!all) continue;
      }
      overall = std::min(overall, cap.max);
      s.caps_applied.push_back(cap.reason.in(report_lang));
    }
    s.overall = overall;
    s.grade = model::grade_for(overall);
  }
  for (const auto c : model::k_categories) {
    model::CategoryReport cr;
    cr.id = c;
    cr.title = category_title(c, report_lang);
    double w = 0, sum = 0;
    for (const auto& r : results.rules) {
      if (r.category != c) continue;
      cr.rules.push_back(r.id);
      if (!r.scored()) continue;
      w += r.weight;
      sum += r.weight * *r.score;
    }
    if (cr.rules.empty()) continue;
    if (w > 0) cr.score = static_cast<int>(std::lround(sum / w));
    s.categories.push_back(std::move(cr));
  }
  return s;
}

}  // namespace amable::engine
