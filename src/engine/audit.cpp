#include "engine/audit.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>

#include "engine/report_builder.hpp"
#include "engine/runner.hpp"
#include "fetch/local_source.hpp"
#include "parse/html_parser.hpp"
#include "site/page_facts.hpp"
#include "site/site_builder.hpp"
#include "util/text.hpp"

namespace amable::engine {
namespace fs = std::filesystem;

namespace {

struct OpenedSource {
  std::unique_ptr<fetch::Source> source;
  std::string kind;
};

std::expected<OpenedSource, AuditError> open_source(const AuditOptions& o) {
  const std::string& t = o.target;
  if (util::istarts_with(t, "http://") || util::istarts_with(t, "https://"))
    return std::unexpected(AuditError{2, t + ": auditing over HTTP is not available in this build"});
  fetch::LocalLimits limits;
  if (o.config.crawl.max_pages) limits.max_pages = static_cast<size_t>(*o.config.crawl.max_pages);
  if (o.config.crawl.max_depth) limits.max_depth = *o.config.crawl.max_depth;
  if (o.config.crawl.max_bytes) limits.max_bytes = *o.config.crawl.max_bytes;
  std::error_code ec;
  if (fs::is_directory(t, ec)) {
    auto s = fetch::DirSource::open(t, limits);
    if (!s) return std::unexpected(AuditError{3, s.error()});
    return OpenedSource{std::move(*s), "folder"};
  }
  if (fs::exists(t, ec)) {
    auto s = fetch::FileSource::open(t, limits);
    if (!s) return std::unexpected(AuditError{3, s.error()});
    return OpenedSource{std::move(*s), "file"};
  }
  return std::unexpected(AuditError{3, t + ": no such file or folder (give a folder holding index.html, an .html file, or an http(s) URL)"});
}

model::PageRecord record_of(const fetch::RawPage& raw) {
  model::PageRecord r;
  r.url = raw.url;
  r.final_url = raw.final_url;
  r.status = raw.status;
  r.content_type = raw.content_type;
  r.bytes = raw.bytes;
  r.fetch_ms = raw.fetch_ms;
  r.crawl_depth = raw.depth;
  r.via = raw.via;
  r.error = raw.error;
  r.note = raw.note;
  r.is_html = raw.is_html;
  return r;
}

}  // namespace

bool fixed_clock() { return std::getenv("SOURCE_DATE_EPOCH") != nullptr; }

std::string now_iso8601() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::expected<model::Report, AuditError> run_audit(const AuditOptions& o, const std::vector<Rule>& rules) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string started_at = now_iso8601();
  auto opened = open_source(o);
  if (!opened) return std::unexpected(opened.error());
  fetch::Source& source = *opened->source;

  site::SiteBuilder builder(o.target, opened->kind);
  site::FactOptions fact_options;
  fact_options.forced_lang = o.forced_lang;
  fact_options.key_of = [&source](std::string_view u) { return source.key_of(u); };

  size_t done = 0, failed = 0, parsed = 0;
  std::string first_error;
  while (auto raw = source.next()) {
    ++done;
    std::optional<model::PageFacts> facts;
    if (raw->error.empty() && raw->is_html) {
      parse::ParseInput in{raw->url, raw->base_url, raw->charset};
      const model::Page page = parse::parse_page(raw->body, in);
      raw->body.clear();
      raw->body.shrink_to_fit();
      facts = site::extract_facts(page, fact_options);
      source.add_links(*raw, page.links);
      ++parsed;
    } else if (!raw->error.empty()) {
      ++failed;
      if (first_error.empty()) first_error = raw->url + ": " + raw->error;
    }
    if (o.on_page) o.on_page(done, failed, raw->url);
    builder.add(record_of(*raw), std::move(facts));
  }
  builder.set_fetch_info(source.info());
  if (parsed == 0)
    return std::unexpected(AuditError{3, o.target + ": nothing could be audited" +
                                             (first_error.empty() ? std::string() : " (" + first_error + ")")});

  model::Site site = builder.finish();
  RuleResults results = run_rules(rules, site, o.config, o.report_lang);
  const Scores scores = score(results, o.report_lang);
  ReportMeta meta;
  meta.target = o.target;
  meta.started_at = started_at;
  meta.report_lang = o.report_lang;
  meta.duration_ms = fixed_clock() ? 0
                                   : std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - t0)
                                         .count();
  return build_report(site, std::move(results), scores, meta);
}

}  // namespace amable::engine
