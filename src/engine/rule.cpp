#include "engine/rule.hpp"

#include <algorithm>
#include <cmath>

#include "model/messages.hpp"
#include "util/text.hpp"

namespace amable::engine {
namespace {

model::Finding made(const RuleContext& ctx, std::string_view code, nlohmann::json data, std::string kind) {
  model::Finding f;
  if (data.is_null()) data = nlohmann::json::object();  // "{}" in a call is null to nlohmann
  f.code = std::string(code);
  f.message = ctx.say(code, data);
  f.data = std::move(data);
  f.kind = std::move(kind);
  return f;
}

void place(model::Finding& f, const model::Evidence& where) {
  f.url = where.url;
  f.evidence = util::truncate_chars(where.snippet, 200);
  f.selector = where.selector;
  f.region = model::region_name(where.region, where.zone);
}

int points_of(double cost) { return static_cast<int>(std::lround(std::clamp(cost, 0.0, 1.0) * 100.0)); }

}  // namespace

std::string RuleContext::say(std::string_view code, const nlohmann::json& data) const {
  return model::render_message(code, data, lang, jurisdiction);
}

Text RuleContext::both(std::string_view code, const nlohmann::json& data) const {
  return Text{model::render_message(code, data, "en", jurisdiction), model::render_message(code, data, "es", jurisdiction)};
}

model::Finding& RuleOutcome::problem(const RuleContext& ctx, std::string_view code, nlohmann::json data, const model::Evidence& where,
                                     double cost) {
  model::Finding f = made(ctx, code, std::move(data), "problem");
  place(f, where);
  f.points = points_of(cost);
  findings.push_back(std::move(f));
  return findings.back();
}

model::Finding& RuleOutcome::problem_on(const RuleContext& ctx, std::string_view code, nlohmann::json data, const std::string& url,
                                        double cost, bool site_wide) {
  model::Finding f = made(ctx, code, std::move(data), "problem");
  f.url = url;
  f.points = points_of(cost);
  f.site_wide = site_wide;
  findings.push_back(std::move(f));
  return findings.back();
}

model::Finding& RuleOutcome::evidence(const RuleContext& ctx, std::string_view code, nlohmann::json data, const model::Evidence& where) {
  model::Finding f = made(ctx, code, std::move(data), "evidence");
  place(f, where);
  findings.push_back(std::move(f));
  return findings.back();
}

model::Finding& RuleOutcome::evidence_on(const RuleContext& ctx, std::string_view code, nlohmann::json data, const std::string& url) {
  model::Finding f = made(ctx, code, std::move(data), "evidence");
  f.url = url;
  findings.push_back(std::move(f));
  return findings.back();
}

model::Finding& RuleOutcome::info(const RuleContext& ctx, std::string_view code, nlohmann::json data, const std::string& url,
                                  bool site_wide) {
  model::Finding f = made(ctx, code, std::move(data), "info");
  f.url = url;
  f.site_wide = site_wide;
  findings.push_back(std::move(f));
  return findings.back();
}

void RuleOutcome::hold(const RuleContext& ctx, std::string_view code, const nlohmann::json& data) { holds.push_back(ctx.say(code, data)); }
void RuleOutcome::lack(const RuleContext& ctx, std::string_view code, const nlohmann::json& data) {
  lacks.push_back(ctx.say(code, data));
  const std::string fix_code = std::string(code) + "/fix";
  if (model::has_message(fix_code, "en")) lack_fixes.push_back(ctx.say(fix_code, data));
  else lack_without_fix = true;
}

void RuleOutcome::lack(const RuleContext& ctx, std::string_view code, const nlohmann::json& data, std::string fix) {
  lacks.push_back(ctx.say(code, data));
  lack_fixes.push_back(std::move(fix));
}

}  // namespace amable::engine
