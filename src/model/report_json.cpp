#include "model/report_json.hpp"

#include <cmath>
#include <limits>
#include <type_traits>
#include <stdexcept>

namespace amable::model {

using nlohmann::ordered_json;

namespace {

ordered_json opt_int(const std::optional<int>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json opt_str(const std::optional<std::string>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

// Coverage and ratios are rounded so that reports compare equal across runs and machines.
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

ordered_json finding_json(const Finding& f) {
  ordered_json j{{"code", f.code},   {"url", f.url},           {"message", f.message},       {"evidence", f.evidence},
                 {"selector", f.selector}, {"region", f.region}, {"kind", f.kind},          {"points", f.points},
                 {"site_wide", f.site_wide}, {"data", f.data}};
  if (f.suppressed) j["suppressed"] = true;  // only with --baseline, so other reports stay as they were
  return j;
}

void put_origin(ordered_json& j, const FactOrigin& o) {
  j["page"] = o.page;
  j["region"] = o.region;
}

ordered_json email_json(const EmailFact& e) {
  ordered_json j{{"value", e.value}, {"generic", e.generic}, {"placeholder", e.placeholder},
                 {"urls", e.urls}, {"sources", e.sources}};
  put_origin(j, e.origin);
  return j;
}

ordered_json facts_json(const Facts& f) {
  ordered_json j;
  j["emails"] = ordered_json::array();
  for (const auto& e : f.emails) j["emails"].push_back(email_json(e));
  j["unseen_emails"] = ordered_json::array();
  for (const auto& e : f.unseen_emails) j["unseen_emails"].push_back(email_json(e));
  j["phones"] = ordered_json::array();
  for (const auto& p : f.phones) {
    ordered_json pj{{"value", p.value}, {"e164", p.e164}, {"kind", p.kind}, {"line_type", p.line_type},
                    {"placeholder", p.placeholder}, {"tel_link", p.tel_link}, {"urls", p.urls}};
    put_origin(pj, p.origin);
    j["phones"].push_back(std::move(pj));
  }
  for (const char* key : {"addresses", "office_hours"}) {
    j[key] = ordered_json::array();
    for (const auto& a : std::string_view(key) == "addresses" ? f.addresses : f.office_hours) {
      ordered_json aj{{"value", a.value}, {"urls", a.urls}};
      put_origin(aj, a.origin);
      j[key].push_back(std::move(aj));
    }
  }
  j["named_contacts"] = ordered_json::array();
  for (const auto& n : f.named_contacts) {
    ordered_json nj{{"name", n.name}, {"role", n.role}, {"how", n.how}, {"urls", n.urls}};
    put_origin(nj, n.origin);
    j["named_contacts"].push_back(std::move(nj));
  }
  j["key_pages"] = ordered_json::object();
  for (const auto& [k, v] : f.key_pages) j["key_pages"][k] = opt_str(v);
  const auto& r = f.return_policy;
  j["return_policy"] = {{"url", opt_str(r.url)}, {"region", r.region}, {"stated", r.stated}, {"window_days", opt_int(r.window_days)},
                        {"refund_method", opt_str(r.refund_method)},
                        {"return_shipping_paid_by", opt_str(r.return_shipping_paid_by)}};
  j["intro_clutter"] = ordered_json::array();
  for (const auto& c : f.intro_clutter)
    j["intro_clutter"].push_back({{"kind", c.kind}, {"url", c.url}, {"region", c.region}, {"intro", c.intro}, {"evidence", c.evidence}});
  j["intro"] = {{"present", f.intro.present}, {"kind", f.intro.kind}, {"url", f.intro.url}, {"region", f.intro.region},
                {"evidence", f.intro.evidence}};
  j["copy"] = {{"visitor_terms", round3(f.copy.visitor_terms)}, {"company_terms", round3(f.copy.company_terms)},
               {"pages", f.copy.pages},
               {"visitor_ratio", f.copy.visitor_ratio ? ordered_json(round3(*f.copy.visitor_ratio)) : ordered_json(nullptr)}};
  return j;
}

// ---- reading back ------------------------------------------------------------------------------

// A JSON number as T, refused (json out_of_range) when T cannot hold it: nlohmann's get<int>
// of 8.6e42 is a float-to-int cast, undefined behaviour (found by fuzz_report).
template <typename T>
T number_as(const nlohmann::json& v) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    if (v.is_number()) {
      const double d = v.get<double>();
      if (!std::isfinite(d) || d < static_cast<double>(std::numeric_limits<T>::lowest()) ||
          d >= static_cast<double>(std::numeric_limits<T>::max()))
        throw nlohmann::json::out_of_range::create(406, "number out of range: " + v.dump(), &v);
      if (v.is_number_float()) return static_cast<T>(d);
    }
  }
  return v.get<T>();
}

template <typename T>
T get_or(const nlohmann::json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  return number_as<T>(*it);
}

std::optional<int> get_opt_int(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return number_as<int>(*it);
}

std::optional<std::string> get_opt_str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

// The schema's rule_id: ^[a-z][a-z0-9]*(-[a-z0-9]+)*$. Writers print ids bare (Markdown code
// spans, SARIF ids, JUnit names), so a report read back must not smuggle anything else in.
bool is_rule_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z' || id.back() == '-') return false;
  char prev = 'a';
  for (const char c : id) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word && !(c == '-' && prev != '-')) return false;
    prev = c;
  }
  return true;
}

std::vector<std::string> get_strings(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return {};
  return it->get<std::vector<std::string>>();
}

FactOrigin origin_from(const nlohmann::json& j) {
  return FactOrigin{get_or<std::string>(j, "page", ""), get_or<std::string>(j, "region", "")};
}

EmailFact email_from(const nlohmann::json& e) {
  EmailFact f;
  f.origin = origin_from(e);
  f.value = get_or<std::string>(e, "value", "");
  f.generic = get_or<bool>(e, "generic", false);
  f.placeholder = get_or<bool>(e, "placeholder", false);
  f.urls = get_strings(e, "urls");
  f.sources = get_strings(e, "sources");
  return f;
}

}  // namespace

nlohmann::ordered_json page_to_json(const PageReport& p) {
  auto j = ordered_json{{"url", p.url},
                      {"final_url", p.final_url},
                      {"status", p.status},
                      {"depth", p.depth},
                      {"bytes", p.bytes},
                      {"title", p.title},
                      {"lang", p.lang},
                      {"error", opt_str(p.error)},
                      {"content_type", p.content_type},
                      {"fetch_ms", std::round(p.fetch_ms * 10.0) / 10.0},
                      {"via", p.via},
                      {"classes", p.classes},
                      {"lang_declared", p.lang_declared},
                      {"lang_mismatch", p.lang_mismatch},
                      {"note", p.note}};
  if (!p.rendered.empty()) j["rendered"] = p.rendered;  // only pages read in a browser
  return j;
}

nlohmann::ordered_json to_json(const Report& r) {
  ordered_json j = to_json_without_pages(r);
  for (const auto& p : r.pages) j["pages"].push_back(page_to_json(p));
  return j;
}

nlohmann::ordered_json to_json_without_pages(const Report& r) {
  ordered_json j;
  j["schema_version"] = r.schema_version;
  j["tool"] = {{"name", r.tool_name}, {"version", r.tool_version}};
  j["target"] = r.target;
  j["started_at"] = r.started_at;
  j["duration_ms"] = r.duration_ms;
  j["language"] = r.language;
  j["report_language"] = r.report_language;
  j["shop"] = {{"name", r.shop.name}, {"country", r.shop.country}, {"jurisdiction", r.shop.jurisdiction}};
  j["config_file"] = r.config_file;
  j["score"] = opt_int(r.score);
  j["grade"] = r.grade;
  j["provisional"] = r.provisional;
  j["coverage"] = round3(r.coverage);
  j["caps"] = r.caps;
  j["partial"] = r.partial;
  j["failed_gates"] = r.failed_gates;
  if (r.baseline)
    j["baseline"] = {{"file", r.baseline->file}, {"known", r.baseline->known}, {"suppressed", r.baseline->suppressed},
                     {"new", r.baseline->new_problems}};
  j["categories"] = ordered_json::array();
  for (const auto& c : r.categories)
    j["categories"].push_back({{"id", to_string(c.id)}, {"title", c.title}, {"score", opt_int(c.score)}, {"rules", c.rules}});
  j["rules"] = ordered_json::array();
  for (const auto& rule : r.rules) {
    ordered_json rj{{"id", rule.id},
                    {"category", to_string(rule.category)},
                    {"title", rule.title},
                    {"description", rule.description},
                    {"weight", rule.weight},
                    {"severity", to_string(rule.severity)},
                    {"importance", rule.importance},
                    {"score", opt_int(rule.score)},
                    {"status", to_string(rule.status)},
                    {"summary", rule.summary},
                    {"score_note", rule.score_note},
                    {"fix", rule.fix},
                    {"findings", ordered_json::array()}};
    for (const auto& f : rule.findings) rj["findings"].push_back(finding_json(f));
    j["rules"].push_back(std::move(rj));
  }
  j["facts"] = facts_json(r.facts);
  j["crawl"] = {{"kind", r.crawl.kind},
                {"start", r.crawl.start},
                {"checked_http_redirect", r.crawl.checked_http_redirect},
                {"http_redirects_to_https", r.crawl.http_redirects_to_https},
                {"hsts", r.crawl.hsts},
                {"robots_found", r.crawl.robots_found},
                {"sitemaps", r.crawl.sitemaps}};
  j["pages"] = ordered_json::array();
  j["errors"] = ordered_json::array();
  for (const auto& e : r.errors) j["errors"].push_back({{"url", e.url}, {"error", e.error}});
  j["notes"] = r.notes;
  return j;
}

std::expected<Report, std::string> report_from_json(const nlohmann::json& j) {
  try {
    if (!j.is_object()) return std::unexpected("not a JSON object");
    Report r;
    // Version 1 (before finding codes) is still read: its findings key on their messages.
    r.schema_version = get_or<int>(j, "schema_version", 0);
    if (r.schema_version != 1 && r.schema_version != k_schema_version)
      return std::unexpected("schema_version " + std::to_string(r.schema_version) + " is not supported (expected 1 or " +
                             std::to_string(k_schema_version) + ")");
    if (auto t = j.find("tool"); t != j.end()) {
      r.tool_name = get_or<std::string>(*t, "name", "amable");
      r.tool_version = get_or<std::string>(*t, "version", "");
    }
    r.target = get_or<std::string>(j, "target", "");
    r.started_at = get_or<std::string>(j, "started_at", "");
    r.duration_ms = get_or<int64_t>(j, "duration_ms", 0);
    r.language = get_or<std::string>(j, "language", "");
    r.report_language = get_or<std::string>(j, "report_language", "en");
    if (auto sj = j.find("shop"); sj != j.end() && sj->is_object())
      r.shop = ShopInfo{get_or<std::string>(*sj, "name", ""), get_or<std::string>(*sj, "country", ""),
                        get_or<std::string>(*sj, "jurisdiction", "")};
    r.config_file = get_or<std::string>(j, "config_file", "");
    r.score = get_opt_int(j, "score");
    r.grade = get_or<std::string>(j, "grade", "");
    r.provisional = get_or<bool>(j, "provisional", false);
    r.coverage = get_or<double>(j, "coverage", 0.0);
    r.caps = get_strings(j, "caps");
    r.partial = get_or<bool>(j, "partial", false);
    r.failed_gates = get_strings(j, "failed_gates");
    r.notes = get_strings(j, "notes");
    if (auto b = j.find("baseline"); b != j.end() && b->is_object())
      r.baseline = BaselineInfo{get_or<std::string>(*b, "file", ""), get_or<size_t>(*b, "known", 0),
                                get_or<size_t>(*b, "suppressed", 0), get_or<size_t>(*b, "new", 0)};
    for (const auto& c : j.value("categories", nlohmann::json::array())) {
      CategoryReport cr;
      auto id = category_from(get_or<std::string>(c, "id", ""));
      if (!id) return std::unexpected("unknown category " + c.value("id", std::string()));
      cr.id = *id;
      cr.title = get_or<std::string>(c, "title", "");
      cr.score = get_opt_int(c, "score");
      cr.rules = get_strings(c, "rules");
      r.categories.push_back(std::move(cr));
    }
    for (const auto& rj : j.value("rules", nlohmann::json::array())) {
      RuleReport rule;
      rule.id = get_or<std::string>(rj, "id", "");
      auto cat = category_from(get_or<std::string>(rj, "category", ""));
      auto st = status_from(get_or<std::string>(rj, "status", ""));
      auto sev = severity_from(get_or<std::string>(rj, "severity", "warning"));
      if (!is_rule_id(rule.id)) return std::unexpected("rule id \"" + rule.id.substr(0, 40) + "\" is not a rule id (lower-case words joined by '-')");
      if (!cat || !st || !sev) return std::unexpected("rule " + rule.id + ": bad category, status or severity");
      rule.category = *cat;
      rule.status = *st;
      rule.severity = *sev;
      rule.title = get_or<std::string>(rj, "title", "");
      rule.description = get_or<std::string>(rj, "description", "");
      rule.weight = get_or<double>(rj, "weight", 0.0);
      rule.importance = get_or<std::string>(rj, "importance", "");
      rule.score = get_opt_int(rj, "score");
      rule.summary = get_or<std::string>(rj, "summary", "");
      rule.score_note = get_or<std::string>(rj, "score_note", "");
      rule.fix = get_or<std::string>(rj, "fix", "");
      for (const auto& fj : rj.value("findings", nlohmann::json::array())) {
        Finding f;
        f.url = get_or<std::string>(fj, "url", "");
        f.message = get_or<std::string>(fj, "message", "");
        f.evidence = get_or<std::string>(fj, "evidence", "");
        f.selector = get_or<std::string>(fj, "selector", "");
        f.kind = get_or<std::string>(fj, "kind", "problem");
        f.suppressed = get_or<bool>(fj, "suppressed", false);
        f.code = get_or<std::string>(fj, "code", "");
        f.region = get_or<std::string>(fj, "region", "");
        f.points = get_or<int>(fj, "points", 0);
        f.site_wide = get_or<bool>(fj, "site_wide", false);
        if (auto d = fj.find("data"); d != fj.end() && d->is_object()) f.data = *d;
        rule.findings.push_back(std::move(f));
      }
      r.rules.push_back(std::move(rule));
    }
    if (auto fj = j.find("facts"); fj != j.end() && fj->is_object()) {
      Facts& f = r.facts;
      for (const auto& e : fj->value("emails", nlohmann::json::array())) f.emails.push_back(email_from(e));
      for (const auto& e : fj->value("unseen_emails", nlohmann::json::array())) f.unseen_emails.push_back(email_from(e));
      for (const auto& p : fj->value("phones", nlohmann::json::array())) {
        PhoneFact pf;
        pf.value = get_or<std::string>(p, "value", "");
        pf.e164 = get_or<std::string>(p, "e164", "");
        pf.kind = get_or<std::string>(p, "kind", "phone");
        pf.line_type = get_or<std::string>(p, "line_type", "unknown");
        pf.placeholder = get_or<bool>(p, "placeholder", false);
        pf.tel_link = get_or<bool>(p, "tel_link", false);
        pf.urls = get_strings(p, "urls");
        pf.origin = origin_from(p);
        f.phones.push_back(std::move(pf));
      }
      for (const auto& a : fj->value("addresses", nlohmann::json::array()))
        f.addresses.push_back({origin_from(a), get_or<std::string>(a, "value", ""), get_strings(a, "urls")});
      for (const auto& a : fj->value("office_hours", nlohmann::json::array()))
        f.office_hours.push_back({origin_from(a), get_or<std::string>(a, "value", ""), get_strings(a, "urls")});
      for (const auto& n : fj->value("named_contacts", nlohmann::json::array()))
        f.named_contacts.push_back({origin_from(n), get_or<std::string>(n, "name", ""), get_or<std::string>(n, "role", ""),
                                    get_or<std::string>(n, "how", ""), get_strings(n, "urls")});
      const nlohmann::json key_pages = fj->value("key_pages", nlohmann::json::object());  // items() must not outlive it
      for (const auto& [k, v] : key_pages.items())
        f.key_pages[k] = v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
      if (auto rp = fj->find("return_policy"); rp != fj->end() && rp->is_object()) {
        f.return_policy.url = get_opt_str(*rp, "url");
        f.return_policy.region = get_or<std::string>(*rp, "region", "");
        f.return_policy.stated = get_or<bool>(*rp, "stated", false);
        f.return_policy.window_days = get_opt_int(*rp, "window_days");
        f.return_policy.refund_method = get_opt_str(*rp, "refund_method");
        f.return_policy.return_shipping_paid_by = get_opt_str(*rp, "return_shipping_paid_by");
      }
      for (const auto& c : fj->value("intro_clutter", nlohmann::json::array()))
        f.intro_clutter.push_back({get_or<std::string>(c, "kind", ""), get_or<std::string>(c, "url", ""),
                                   get_or<std::string>(c, "evidence", ""), get_or<std::string>(c, "region", ""),
                                   get_or<bool>(c, "intro", false)});
      if (auto ij = fj->find("intro"); ij != fj->end() && ij->is_object())
        f.intro = {get_or<bool>(*ij, "present", false), get_or<std::string>(*ij, "kind", ""), get_or<std::string>(*ij, "url", ""),
                   get_or<std::string>(*ij, "region", ""), get_or<std::string>(*ij, "evidence", "")};
      if (auto cj = fj->find("copy"); cj != fj->end() && cj->is_object()) {
        f.copy.visitor_terms = get_or<double>(*cj, "visitor_terms", 0.0);
        f.copy.company_terms = get_or<double>(*cj, "company_terms", 0.0);
        f.copy.pages = get_or<size_t>(*cj, "pages", 0);
        if (auto v = cj->find("visitor_ratio"); v != cj->end() && !v->is_null()) f.copy.visitor_ratio = v->get<double>();
      }
    }
    if (auto c = j.find("crawl"); c != j.end() && c->is_object()) {
      r.crawl.kind = get_or<std::string>(*c, "kind", "");
      r.crawl.start = get_or<std::string>(*c, "start", "");
      r.crawl.checked_http_redirect = get_or<bool>(*c, "checked_http_redirect", false);
      r.crawl.http_redirects_to_https = get_or<bool>(*c, "http_redirects_to_https", false);
      r.crawl.hsts = get_or<std::string>(*c, "hsts", "");
      r.crawl.robots_found = get_or<bool>(*c, "robots_found", false);
      r.crawl.sitemaps = get_strings(*c, "sitemaps");
    }
    for (const auto& p : j.value("pages", nlohmann::json::array())) {
      PageReport pr;
      pr.url = get_or<std::string>(p, "url", "");
      pr.final_url = get_or<std::string>(p, "final_url", pr.url);
      pr.status = get_or<int>(p, "status", 0);
      pr.depth = get_or<int>(p, "depth", -1);
      pr.bytes = get_or<uint64_t>(p, "bytes", 0);
      pr.title = get_or<std::string>(p, "title", "");
      pr.lang = get_or<std::string>(p, "lang", "");
      pr.error = get_opt_str(p, "error");
      pr.content_type = get_or<std::string>(p, "content_type", "");
      pr.fetch_ms = get_or<double>(p, "fetch_ms", 0.0);
      pr.via = get_or<std::string>(p, "via", "");
      pr.rendered = get_or<std::string>(p, "rendered", "");
      pr.classes = get_strings(p, "classes");
      pr.lang_declared = get_or<std::string>(p, "lang_declared", "");
      pr.lang_mismatch = get_or<bool>(p, "lang_mismatch", false);
      pr.note = get_or<std::string>(p, "note", "");
      r.pages.push_back(std::move(pr));
    }
    for (const auto& e : j.value("errors", nlohmann::json::array()))
      r.errors.push_back({get_or<std::string>(e, "url", ""), get_or<std::string>(e, "error", "")});
    return r;
  } catch (const nlohmann::json::exception& e) {
    return std::unexpected(std::string("unexpected value: ") + e.what());
  }
}

}  // namespace amable::model
