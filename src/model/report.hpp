#pragma once
// Report: the one value every report writer renders (SPEC.md "JSON report"). The JSON form is
// canonical: report_json.cpp converts both ways, so a saved report can be rendered again.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/shared_text.hpp"

namespace amable::model {

enum class Status { pass, warn, fail, not_applicable, inconclusive, error };
enum class Severity { error, warning, off };
enum class Category { reachability, trust, clarity, copy };

std::string_view to_string(Status s);
std::string_view to_string(Severity s);
std::string_view to_string(Category c);
std::optional<Status> status_from(std::string_view s);
std::optional<Severity> severity_from(std::string_view s);
std::optional<Category> category_from(std::string_view s);
inline constexpr Category k_categories[] = {Category::reachability, Category::trust, Category::clarity,
                                            Category::copy};

struct Finding {
  std::string url;       // the page it is about, or where a site-wide problem shows first
  std::string message;   // rendered from code and data in the report's language
  std::string evidence;  // quoted from the page; searchable there
  std::string selector;
  std::string kind = "problem";  // problem | evidence | info
  bool suppressed = false;       // a known problem, listed in the --baseline file
  // Stable identity: "rule-id/condition" (rules/messages/*.json) and the values the message is
  // made from (pages concerned, counts, values). Baselines, diff, SARIF and JUnit key on these.
  std::string code;
  nlohmann::json data = nlohmann::json::object();
  std::string region;     // region of the evidence (README "Regions")
  int points = 0;         // score points this problem costs the rule
  bool site_wide = false; // about the site as a whole (its url is only where it shows first)

  // code + what it is about, never wording, language or percentages: the same problem on a copy
  // of the site with one page more has the same fingerprint.
  std::string fingerprint(std::string_view rule_id) const;
};

struct RuleReport {
  std::string id;
  Category category = Category::reachability;
  std::string title;        // the pass title or the failure title, by status
  std::string description;  // why it matters
  double weight = 0;
  Severity severity = Severity::warning;
  std::string importance;   // critical | major | minor (RULES.md §0.6)
  std::optional<int> score; // 0-100; none when not scored
  Status status = Status::not_applicable;
  std::string summary;     // what holds and what is missing
  std::string score_note;  // the score in one line: "70: −30 the address is only on the contact page"
  std::string fix;         // what to do; empty when the rule passes or does not apply
  std::vector<Finding> findings;
  bool scored() const { return score.has_value(); }
};

struct CategoryReport {
  Category id = Category::reachability;
  std::string title;
  std::optional<int> score;
  std::vector<std::string> rules;
};

// One of these per page read stays in the report until it is written: the strings a page
// shares with others (its language, type, how it was found, a final URL equal to its URL) are
// shared texts, one copy for all (a 10,000-page audit's report was 7 MB of page entries).
struct PageReport {
  SharedText url;
  SharedText final_url;
  int status = 0;
  int depth = -1;
  uint64_t bytes = 0;
  std::string title;
  SharedText lang;
  std::optional<std::string> error;
  SharedText content_type;
  double fetch_ms = 0;
  SharedText via;
  SharedText rendered;  // why the page was rendered in a browser; "" when read as HTML
  std::vector<std::string> classes;
  SharedText lang_declared;
  bool lang_mismatch = false;
  SharedText note;
};

struct ErrorReport {
  std::string url;
  std::string error;
};

// facts (SPEC.md). Every fact names where its best sighting is: the page and the region (README
// "Regions": main, header, nav, footer, aside, consent, user-content, third-party, credits,
// form, demo, structured-data).
struct FactOrigin {
  std::string page;
  std::string region;
};
struct EmailFact {
  FactOrigin origin;
  std::string value;
  bool generic = false;
  bool placeholder = false;
  std::vector<std::string> urls;
  std::vector<std::string> sources;
};
struct PhoneFact {
  FactOrigin origin;
  std::string value, e164, kind = "phone", line_type = "unknown";
  bool placeholder = false;
  bool tel_link = false;
  std::vector<std::string> urls;
};
struct ValueFact {
  FactOrigin origin;
  std::string value;
  std::vector<std::string> urls;
};
struct NamedContactFact {
  FactOrigin origin;
  std::string name, role;
  std::string how;  // phrase, role, team, introduction, signature, credentials, owner, mailbox, structured-data
  std::vector<std::string> urls;
};
struct ReturnPolicyFact {
  std::optional<std::string> url;
  std::string region;  // of the terms on that page
  bool stated = false;
  std::optional<int> window_days;
  std::optional<std::string> refund_method;
  std::optional<std::string> return_shipping_paid_by;
};
struct ClutterFact {
  std::string kind, url, evidence;
  std::string region;
  bool intro = false;  // stands between the visitor and the page
};
// What stands between the visitor and the home page, if anything (the first intro there).
struct IntroFact {
  bool present = false;
  std::string kind, url, region, evidence;
};
struct CopyFact {
  double visitor_terms = 0, company_terms = 0;
  size_t pages = 0;  // pages whose words were counted (legal pages and demo pages are not)
  std::optional<double> visitor_ratio;
};
struct Facts {
  std::vector<EmailFact> emails;           // shown on the site as text
  std::vector<EmailFact> unseen_emails;    // only behind a mailto: link or in structured data
  std::vector<PhoneFact> phones;
  std::vector<ValueFact> addresses;
  std::vector<ValueFact> office_hours;
  std::vector<NamedContactFact> named_contacts;
  std::map<std::string, std::optional<std::string>> key_pages;  // class -> url
  ReturnPolicyFact return_policy;
  std::vector<ClutterFact> intro_clutter;
  IntroFact intro;
  CopyFact copy;
};

// The known-issues file an audit was compared with (`audit --baseline`).
struct BaselineInfo {
  std::string file;
  size_t known = 0;       // problems the file lists
  size_t suppressed = 0;  // problems of this audit that it listed
  size_t new_problems = 0;
};

// What the crawl learned about the site as a whole (HTTP audits).
struct CrawlInfo {
  std::string kind;   // folder, file, http
  std::string start;  // the start page's URL after redirects
  bool checked_http_redirect = false;
  bool http_redirects_to_https = false;
  std::string hsts;   // Strict-Transport-Security of the start page
  bool robots_found = false;
  std::vector<std::string> sitemaps;
};

// The shop as the report describes it: its name, country and jurisdiction (which laws, ids and
// number types the advice cites).
struct ShopInfo {
  std::string name;          // og:site_name or the title's brand, else the host
  std::string country;       // ISO 3166-1 alpha-2, "" when unknown
  std::string jurisdiction;  // es | eu | uk-ie | us | latam | neutral
};

inline constexpr int k_schema_version = 2;

struct Report {
  int schema_version = k_schema_version;
  std::string tool_name = "amable";
  std::string tool_version;
  std::string target;
  std::string started_at;  // ISO 8601, UTC
  int64_t duration_ms = 0;
  std::string language;
  std::string report_language = "en";
  ShopInfo shop;
  std::string config_file;  // the config read, "" when none
  std::optional<int> score;
  std::string grade;         // excellent | good | fair | poor | failing
  bool provisional = false;  // coverage under 60 %
  double coverage = 0;
  std::vector<std::string> caps;  // hard caps applied, in words
  std::vector<CategoryReport> categories;
  std::vector<RuleReport> rules;
  Facts facts;
  CrawlInfo crawl;
  std::vector<PageReport> pages;
  std::vector<ErrorReport> errors;
  std::vector<std::string> notes;  // limits reached, language mismatches...
  bool partial = false;            // the audit was interrupted
  // Gates the CLI evaluated (--fail-under, error-severity rules); filled by the audit command.
  std::vector<std::string> failed_gates;
  std::optional<BaselineInfo> baseline;

  const RuleReport* rule(std::string_view id) const;
};

// Grade band of an overall score (RULES.md §3.2).
std::string grade_for(int score);

// The score in one line, problem by problem ("Why not 100"); known problems summed in one item.
std::string score_note(const RuleReport& rule, std::string_view lang);

}  // namespace amable::model
