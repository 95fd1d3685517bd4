#include "engine/runner.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <set>

#include "engine/shop_words.hpp"
#include "model/messages.hpp"
#include "util/text.hpp"

namespace amable::engine {

namespace {
// What to do so that what scripts build is read (engine/render_stage.hpp chose it).
nlohmann::json render_advice(const model::Site& site) {
  return model::Message{site.render_advice.empty() ? "advice/render-auto" : site.render_advice}.nested();
}
}  // namespace

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
  return model::render_message("category/" + std::string(model::to_string(c)), nlohmann::json::object(), lang);
}

namespace {

// "A; B. Missing: C; D." in the report language, from what the rule says holds and lacks.
std::string compose_summary(const RuleOutcome& o, const std::string& lang) {
  if (o.holds.empty() && o.lacks.empty()) return o.summary;
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
    return s;
  };
  std::string out = join(o.holds);
  if (!out.empty()) {
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    out += ".";
  }
  if (!o.lacks.empty()) out += (out.empty() ? "" : " ") + std::string(lang == "es" ? "Falta: " : "Missing: ") + join(o.lacks) + ".";
  return out;
}

}  // namespace

RuleResults run_rules(const std::vector<Rule>& rules, const model::Site& site, const Config& config,
                      const std::string& report_lang) {
  RuleResults out;
  const ShopWords words = shop_words(site);
  for (const auto& rule : rules) {
    RuleSetting setting;
    if (auto it = config.rules.find(rule.meta.id); it != config.rules.end()) setting = it->second;
    if (setting.enabled == false) continue;

    RuleContext ctx;
    ctx.lang = report_lang;
    ctx.jurisdiction = site.profile.jurisdiction.empty() ? "neutral" : site.profile.jurisdiction;
    ctx.country = site.profile.country;
    ctx.shop = words;
    ctx.options = setting.options;
    RuleOutcome o;
    if (site.thin && rule.meta.needs_text) {
      o = RuleOutcome::inconclusive(ctx.say("engine/js-built", {{"advice", render_advice(site)}}));
    } else {
      try {
        o = rule.check(site, ctx);
      } catch (const std::exception& e) {
        o = RuleOutcome{};
        o.status = model::Status::error;
        o.summary = ctx.say("engine/rule-failed", {{"value", e.what()}});
      }
      // What is missing may be in a header or footer that scripts fill: not a failure to state.
      if (rule.meta.reads_chrome && site.chrome_by_script && o.score && status_for(*o.score) != model::Status::pass &&
          o.status.value_or(model::Status::pass) != model::Status::error)
        o = RuleOutcome::inconclusive(ctx.say(
            "engine/script-chrome",
            {{"pages", site.script_chrome_pages},
             {"advice", render_advice(site)}}));
    }

    model::RuleReport r;
    r.id = rule.meta.id;
    r.category = rule.meta.category;
    r.weight = setting.weight.value_or(rule.meta.weight);
    r.severity = setting.severity.value_or(model::Severity::warning);
    r.importance = rule.meta.importance;
    // Descriptions and fixes that cite laws have variants by jurisdiction in the catalog.
    const std::string description_code = rule.meta.id + "/description", fix_code = rule.meta.id + "/fix";
    r.description = model::has_message(description_code, "en") ? ctx.say(description_code) : rule.meta.description.in(report_lang);
    if (o.score) {
      const double s = std::clamp(*o.score, 0.0, 1.0);
      r.score = static_cast<int>(std::lround(s * 100.0));
      r.status = o.status.value_or(status_for(s));
    } else {
      r.status = o.status.value_or(model::Status::not_applicable);
    }
    // One title per outcome: what a pass means, what a warning means (it holds, not fully),
    // what a failure means.
    const bool passing = r.status == model::Status::pass || r.status == model::Status::not_applicable ||
                         r.status == model::Status::inconclusive;
    r.title = passing ? rule.meta.title.in(report_lang)
              : r.status == model::Status::warn && !rule.meta.warn_title.en.empty() ? rule.meta.warn_title.in(report_lang)
                                                                                   : rule.meta.failure_title.in(report_lang);
    r.summary = compose_summary(o, report_lang);
    // A fix only where something is to be fixed, fitted to the outcome when the rule knows how.
    if (r.status == model::Status::warn || r.status == model::Status::fail)
      r.fix = o.fix                                            ? *o.fix
              : !o.lack_fixes.empty() && !o.lack_without_fix ? util::join(o.lack_fixes, " ")
              : model::has_message(fix_code, "en")           ? ctx.say(fix_code)
                                                             : rule.meta.fix.in(report_lang);
    r.findings = std::move(o.findings);
    r.score_note = model::score_note(r, report_lang);
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
