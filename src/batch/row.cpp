#include "batch/row.hpp"

#include "model/report_json.hpp"
#include "util/text.hpp"

namespace amable::batch {
namespace {

using ojson = nlohmann::ordered_json;

ojson head(const Shop& shop) {
  ojson r;
  r["amable_row"] = k_row_version;
  r["key"] = shop.key;
  r["input"] = shop.input;
  r["url"] = shop.url;
  return r;
}

void tail(ojson& r, const Shop& shop, const RowContext& ctx) {
  r["kept"] = shop.kept;
  r["tool_version"] = AMABLE_VERSION;
  r["config_hash"] = ctx.config_hash;
  r["shard"] = {{"index", ctx.shard}, {"count", ctx.shards}};
  r["started_at"] = ctx.started_at;
  r["seconds"] = std::round(ctx.seconds * 100.0) / 100.0;
}

bool premium(const model::PhoneFact& p) { return p.line_type == "premium" || p.line_type == "shared-cost"; }

}  // namespace

std::string failure_status(const std::string& error) {
  const std::string e = util::to_lower_ascii(error);
  for (const char* s : {"robots.txt", "http 401", "http 403", "http 429", "forbidden", "too many requests"})
    if (e.find(s) != std::string::npos) return "blocked";
  for (const char* s : {"timeout", "timed out"})
    if (e.find(s) != std::string::npos) return "timeout";
  for (const char* s : {"resolve", "connect", "could not reach", "no route", "refused", "tls", "ssl", "certificate", "empty reply"})
    if (e.find(s) != std::string::npos) return "unreachable";
  return "error";
}

ojson row_of_failure(const Shop& shop, const std::string& status, const std::string& error, const RowContext& ctx) {
  ojson r = head(shop);
  r["final_url"] = nullptr;
  r["status"] = status;
  r["error"] = error;
  tail(r, shop, ctx);
  return r;
}

ojson row_of_report(const Shop& shop, const model::Report& rep, const RowContext& ctx) {
  ojson r = head(shop);
  r["final_url"] = rep.crawl.start.empty() ? shop.url : rep.crawl.start;
  r["status"] = ctx.timed_out ? "partial" : rep.partial ? "partial" : "ok";
  r["error"] = ctx.timed_out ? ojson("the shop's time budget (--shop-timeout) ended the audit") : ojson(nullptr);
  r["score"] = rep.score ? ojson(*rep.score) : ojson(nullptr);
  r["grade"] = rep.grade;
  r["coverage"] = rep.coverage;
  r["caps"] = rep.caps;
  r["language"] = rep.language;
  r["country"] = rep.shop.country;
  ojson rules = ojson::object();
  for (const auto& rule : rep.rules)
    rules[rule.id] = {{"status", std::string(model::to_string(rule.status))}, {"score", rule.score ? ojson(*rule.score) : ojson(nullptr)}};
  r["rules"] = rules;

  const auto& f = rep.facts;
  size_t premium_numbers = 0;
  for (const auto& p : f.phones) premium_numbers += premium(p) ? 1 : 0;
  auto key_page = [&](const char* cls) {
    const auto it = f.key_pages.find(cls);
    return it != f.key_pages.end() && it->second.has_value();
  };
  ojson facts = {{"emails", f.emails.size()},
                 {"emails_behind_links", f.unseen_emails.size()},
                 {"phones", f.phones.size()},
                 {"premium_rate_phones", premium_numbers},
                 {"addresses", f.addresses.size()},
                 {"office_hours", f.office_hours.size()},
                 {"named_contacts", f.named_contacts.size()},
                 {"return_policy", f.return_policy.url.has_value() || f.return_policy.stated},
                 {"contact_page", key_page("contact")},
                 {"privacy_page", key_page("privacy")},
                 {"intro_clutter", f.intro.present}};
  if (ctx.values) {
    ojson values;
    for (const auto& e : f.emails) values["emails"].push_back(e.value);
    for (const auto& p : f.phones) values["phones"].push_back(p.e164.empty() ? p.value : p.e164);
    for (const auto& a : f.addresses) values["addresses"].push_back(a.value);
    for (const auto& n : f.named_contacts) values["named_contacts"].push_back(n.name);
    facts["values"] = values.is_null() ? ojson::object() : values;
  }
  r["facts"] = facts;
  size_t failed = 0;
  for (const auto& p : rep.pages)
    if (p.error) ++failed;
  r["crawl"] = {{"kind", rep.crawl.kind}, {"pages", rep.pages.size()}, {"failed_pages", failed},
                {"https_redirect", rep.crawl.http_redirects_to_https}, {"robots_txt", rep.crawl.robots_found},
                {"duration_ms", rep.duration_ms}};
  tail(r, shop, ctx);
  return r;
}

}  // namespace amable::batch
