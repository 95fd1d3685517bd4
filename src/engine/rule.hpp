#pragma once
// What a rule is (shared/DESIGN.md "A rule"): metadata plus a pure function of the Site.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/report.hpp"
#include "model/site.hpp"

namespace amable::engine {

// A text in each report language.
struct Text {
  std::string en, es;
  const std::string& in(std::string_view lang) const { return lang == "es" && !es.empty() ? es : en; }
};

struct RuleMeta {
  std::string id;             // kebab-case, stable: "return-policy"
  Text title;                 // what a pass means
  Text warn_title;            // what a warning means: it holds, but not fully
  Text failure_title;         // what a fail means
  Text description;           // why it matters, 1-3 sentences
  Text fix;                   // one sentence: what to do
  model::Category category = model::Category::reachability;
  double weight = 0;          // RULES.md §3.1; weights of all rules sum to 100
  std::string importance;     // critical | major | minor
  std::vector<std::string> languages;  // lexicon languages; empty = language-independent
  bool needs_text = true;     // judged from visible text: inconclusive on JavaScript-built sites
  // Judged mostly from the header and footer of every page: when scripts fill them and no
  // browser did, a warning or failure is inconclusive rather than stated.
  bool reads_chrome = false;
  std::vector<std::string> options;  // the options it reads from the config (rules.<id>.options)
};

// What advice can quote of the shop itself, so that examples fit it: its e-mail domain, a phone
// number in its own format, its name.
struct ShopWords {
  std::string name;           // "Tienda Amable"; the host when no name is given
  std::string domain;         // "tiendaamable.es": of its site or its e-mail addresses; "" if none
  std::string phone_example;  // one of its numbers as written, "" if none
};

struct RuleContext {
  std::string lang = "en";  // report language
  std::string jurisdiction = "neutral";  // es | eu | uk-ie | us | latam | neutral (site/shop_profile.hpp)
  std::string country;      // ISO code of the shop's country, "" when unknown
  nlohmann::json options = nlohmann::json::object();  // the rule's "options" from the config
  ShopWords shop;
  // Picks the text of the report language.
  std::string t(std::string_view en, std::string_view es) const { return std::string(lang == "es" ? es : en); }
  // The catalog's sentence for `code` (rules/messages/*.json) in the report language and for
  // the shop's jurisdiction.
  std::string say(std::string_view code, const nlohmann::json& data = nlohmann::json::object()) const;
  // The same in every report language (for caps, which the scorer words later).
  Text both(std::string_view code, const nlohmann::json& data = nlohmann::json::object()) const;
};

// A hard cap on the overall score (RULES.md §3.2). A cap with a group applies only when every
// scored rule of that group asks for it (e.g. no e-mail AND no phone AND no form).
struct Cap {
  int max = 100;
  Text reason;
  std::string group;
};

struct RuleOutcome {
  std::optional<double> score;          // 0..1; none when not scored
  std::optional<model::Status> status;  // derived from the score when not set
  std::string summary;                  // set directly, or composed from holds and lacks
  std::vector<model::Finding> findings;
  std::vector<Cap> caps;
  std::vector<std::string> holds, lacks;  // what holds, what is missing (rendered sentences)
  std::optional<std::string> fix;       // a fix fitted to this outcome; else composed from the lacks
  // What to do about each lack ("<lack code>/fix" in the catalog, or given with the lack). The
  // rule's fix is these sentences when every lack has one, so that it never asks for what the
  // shop already does; else the rule's own fix.
  std::vector<std::string> lack_fixes;
  bool lack_without_fix = false;

  // A problem: its code (rules/messages/*.json), data, where it is, and the share of the score
  // (0..1) it costs. A problem "on" a URL with `site_wide` is about the site, shown there first.
  model::Finding& problem(const RuleContext& ctx, std::string_view code, nlohmann::json data, const model::Evidence& where,
                          double cost);
  model::Finding& problem_on(const RuleContext& ctx, std::string_view code, nlohmann::json data, const std::string& url,
                             double cost, bool site_wide = true);
  model::Finding& evidence(const RuleContext& ctx, std::string_view code, nlohmann::json data, const model::Evidence& where);
  model::Finding& evidence_on(const RuleContext& ctx, std::string_view code, nlohmann::json data, const std::string& url);
  model::Finding& info(const RuleContext& ctx, std::string_view code, nlohmann::json data, const std::string& url, bool site_wide = true);
  void hold(const RuleContext& ctx, std::string_view code, const nlohmann::json& data = nlohmann::json::object());
  void lack(const RuleContext& ctx, std::string_view code, const nlohmann::json& data = nlohmann::json::object());
  void lack(const RuleContext& ctx, std::string_view code, const nlohmann::json& data, std::string fix);

  static RuleOutcome not_applicable(std::string summary) {
    RuleOutcome o;
    o.status = model::Status::not_applicable;
    o.summary = std::move(summary);
    return o;
  }
  static RuleOutcome inconclusive(std::string summary) {
    RuleOutcome o;
    o.status = model::Status::inconclusive;
    o.summary = std::move(summary);
    return o;
  }
};

using CheckFn = RuleOutcome (*)(const model::Site&, const RuleContext&);

struct Rule {
  RuleMeta meta;
  CheckFn check = nullptr;
};

// pass at 90 and above, warn from 50, fail below.
model::Status status_for(double score);

}  // namespace amable::engine
