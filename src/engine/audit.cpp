#include "engine/audit.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <thread>

#include "engine/parse_pool.hpp"
#include "engine/partials.hpp"
#include "engine/render_stage.hpp"
#include "engine/report_builder.hpp"
#include "engine/runner.hpp"
#include "fetch/http_source.hpp"
#include "fetch/local_source.hpp"
#include "parse/html_parser.hpp"
#include "parse/includes.hpp"
#include "site/page_facts.hpp"
#include "site/shop_profile.hpp"
#include "site/site_builder.hpp"
#include "util/signal.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::engine {
namespace fs = std::filesystem;

namespace {


struct OpenedSource {
  std::unique_ptr<fetch::Source> source;
  std::string kind;
};

fetch::HttpOptions http_options(const AuditOptions& o) {
  const auto& c = o.config.crawl;
  fetch::HttpOptions h;
  if (c.max_pages) h.max_pages = static_cast<size_t>(*c.max_pages);
  if (c.max_depth) h.max_depth = *c.max_depth;
  if (c.concurrency) h.concurrency = *c.concurrency;
  if (c.per_host) h.per_host = *c.per_host;
  if (c.timeout_s) h.timeout_s = *c.timeout_s;
  if (c.delay_ms) h.delay_ms = *c.delay_ms;
  if (c.user_agent) h.user_agent = *c.user_agent;
  if (c.user) h.user = *c.user;
  if (c.cookie) h.cookie = *c.cookie;
  if (c.ignore_robots) h.ignore_robots = *c.ignore_robots;
  if (c.sitemap) h.sitemap = *c.sitemap;
  if (c.max_bytes) h.max_bytes = *c.max_bytes;
  h.headers = c.headers;
  h.include = c.include;
  h.exclude = c.exclude;
  h.ca_file = o.ca_file;
  h.insecure = o.insecure;
  h.rate = o.rate;
  h.network = o.network;
  return h;
}

std::expected<OpenedSource, AuditError> open_source(const AuditOptions& o) {
  const std::string& t = o.target;
  if (util::istarts_with(t, "http://") || util::istarts_with(t, "https://")) {
    auto s = fetch::HttpSource::open(t, http_options(o));
    if (!s) return std::unexpected(AuditError{2, s.error()});
    return OpenedSource{std::move(*s), "http"};
  }
  if (t.find("://") != std::string::npos)
    return std::unexpected(AuditError{2, t + ": only http and https URLs can be audited"});
  fetch::LocalLimits limits;
  if (o.config.crawl.max_pages) limits.max_pages = static_cast<size_t>(*o.config.crawl.max_pages);
  if (o.config.crawl.max_depth) limits.max_depth = *o.config.crawl.max_depth;
  if (o.config.crawl.max_bytes) limits.max_bytes = *o.config.crawl.max_bytes;
  if (o.config.crawl.sitemap) limits.list_folder = *o.config.crawl.sitemap;
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

// One file or one page that holds nothing to audit: no words, no links, no media. A folder is
// judged by its pages together, so only a site of one page is refused.
std::optional<AuditError> refuse_non_page(const model::Site& site, const std::string& target) {
  size_t html = 0;
  const model::PageRecord* only = nullptr;
  for (const auto& p : site.pages)
    if (p.ok()) {
      ++html;
      only = &p;
    }
  if (html != 1 || site.kind == "http") return std::nullopt;
  const auto& f = only->facts;
  const bool media = !f.clutter.empty() || f.large_images > 0;
  if (f.words == 0 && only->links.size() == 0 && !media)
    return AuditError{3, target + ": has no text, links or media: not a web page to audit"};
  return std::nullopt;
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

// The country of a URL's domain, for reading national phone numbers: "shop.es" -> "ES".
std::string tld_region(const std::string& target) {
  if (!util::istarts_with(target, "http")) return {};
  return site::country_of_host(url::host_of(target));
}

size_t worker_count(size_t requested) {
  if (requested > 0) return std::min<size_t>(requested, 64);
  const size_t cores = std::thread::hardware_concurrency();
  return std::clamp<size_t>(cores, 1, 8);
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
  fact_options.tld_region = tld_region(o.target);

  const size_t workers = worker_count(o.jobs);
  // A batch's shops share their parse threads; a lone audit has its own.
  auto wake_source = [&source] { source.wakeup(); };
  const auto pool_owner = o.parse_workers ? std::make_unique<ParsePool>(*o.parse_workers, wake_source)
                                          : std::make_unique<ParsePool>(workers, wake_source);
  ParsePool& pool = *pool_owner;
  // Pages parsed but not yet joined are bounded, so memory does not follow a fast network.
  const size_t max_pending = 4 * workers + 16;

  AuditOptions::Progress progress;
  std::string first_error;
  size_t parsed = 0;
  bool interrupted = false;
  std::string start_key;

  util::Signal browser_done;  // a page is back from the browser
  RenderStage renderer(o.config.render, source, [&source, &browser_done] {
    browser_done.notify();
    source.wakeup();
  });
  const size_t max_rendering = 4 * static_cast<size_t>(std::max(1, o.config.render.tabs.value_or(2))) + 8;

  // A page's parse: of its raw HTML (deciding whether it needs a browser), or of the DOM a
  // browser rendered (`rendered` says why).
  Partials partials_read(source);
  auto parse_job = [&fact_options, &renderer, &partials_read](fetch::RawPage raw, std::string rendered, std::optional<model::PageFacts> raw_facts) {
    return [raw = std::move(raw), rendered = std::move(rendered), raw_facts = std::move(raw_facts), &fact_options, &partials_read,
            mode = renderer.mode()]() mutable {
      ParsedPage out;
      if (raw.error.empty() && raw.is_html) {
        try {
          parse::ParseInput in{raw.url, raw.base_url.empty() ? raw.url : raw.base_url, rendered.empty() ? raw.charset : "utf-8"};
          // Partials that include attributes name are read by amable, not only by a browser.
          model::Page page = rendered.empty() ? parse::parse_page_with_includes(raw.body, in, partials_read.base_of(raw.final_url.empty() ? raw.url : raw.final_url),
                                                                                partials_read.reader())
                                              : parse::parse_page(raw.body, in);
          partials_read.page_inlined(page.partials_inlined);
          out.facts = site::extract_facts(page, fact_options, raw.start);
          if (rendered.empty()) out.need = render::render_need(*out.facts, mode);
        } catch (const std::exception& e) {
          raw.error = {"error/unreadable", {{"detail", e.what()}}};
        }
      }
      if (!out.need) {  // a page waiting for the browser keeps its HTML for it
        raw.body.clear();
        raw.body.shrink_to_fit();
      }
      out.raw = std::move(raw);
      out.rendered = std::move(rendered);
      out.raw_facts = std::move(raw_facts);
      return out;
    };
  };

  auto add_page = [&](fetch::RawPage& raw, std::optional<model::PageFacts> facts, const std::string& rendered) {
    for (const auto& hop : raw.redirects) builder.add_alias(hop, raw.url);
    ++progress.done;
    if (!raw.error.empty()) {
      ++progress.failed;
      if (first_error.empty()) first_error = raw.url + ": " + raw.error.text();
    }
    if (facts) ++parsed;
    progress.url = raw.url;
    progress.queued = source.queued();
    progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (o.on_page) o.on_page(progress);
    auto record = record_of(raw);
    record.rendered = facts ? rendered : std::string();
    builder.add(std::move(record), std::move(facts));
  };

  size_t partials = 0;
  auto take_results = [&] {
    for (auto& r : pool.take_ready()) {
      // A partial found in the folder listing (a footer a script pulls in) is not a page: its
      // links are relative to the pages that include it, and its text is theirs.
      if (r.facts && r.facts->fragment && r.raw.via == "folder") {
        ++partials;
        continue;
      }
      if (r.facts) source.add_links(r.raw, r.facts->links);
      if (!r.rendered.empty()) {
        if (r.facts && r.raw_facts) renderer.rendered(render::render_gained(*r.raw_facts, *r.facts));
        add_page(r.raw, std::move(r.facts), r.rendered);
        continue;
      }
      if (r.need && r.facts && renderer.take(r.raw, *r.facts, *r.need)) continue;  // back from the browser later
      r.raw.body.clear();
      add_page(r.raw, std::move(r.facts), "");
    }
    for (auto& d : renderer.take_ready()) {
      if (d.fall_back) {
        source.add_links(d.raw, d.raw_facts.links);  // a script redirect's target among them (sources skip known keys)
        add_page(d.raw, std::move(d.raw_facts), "");
      } else if (!d.raw.error.empty()) {
        add_page(d.raw, std::nullopt, "");
      } else {
        pool.submit(parse_job(std::move(d.raw), std::move(d.reason), std::move(d.raw_facts)));
      }
    }
  };

  while (true) {
    take_results();
    if (o.interrupted && o.interrupted->load() && !interrupted) {
      interrupted = true;
      source.stop();
      // Pages in the browser are not waited for: what their HTML says stands.
      for (auto& d : renderer.abandon()) add_page(d.raw, std::move(d.raw_facts), "");
    }
    if (source.idle() && pool.pending() == 0 && renderer.in_flight() == 0) break;
    if (pool.pending() >= max_pending) {
      pool.wait(std::chrono::milliseconds(50));
      continue;
    }
    if (renderer.in_flight() >= max_rendering || (source.idle() && pool.pending() == 0)) {
      // Only the browser is busy (or too busy for more pages): wait for it without taking
      // pages from the source, which would have to be parsed at once.
      browser_done.wait(std::chrono::milliseconds(20));
      continue;
    }
    source.links_pending(pool.pending() > 0 || renderer.in_flight() > 0);
    auto pages = source.poll(std::chrono::milliseconds(pool.pending() > 0 ? 20 : 500));
    if (pages.empty() && pool.pending() > 0 && source.idle()) pool.wait(std::chrono::milliseconds(20));
    for (auto& raw : pages) {
      if (raw.start && start_key.empty()) start_key = raw.url;
      if (!raw.alias_of.empty()) {
        builder.add_alias(raw.url, raw.alias_of);
        for (const auto& hop : raw.redirects) builder.add_alias(hop, raw.alias_of);
        continue;
      }
      pool.submit(parse_job(std::move(raw), "", std::nullopt));
    }
  }
  take_results();

  model::FetchInfo info = source.info();
  source.finished();
  if (info.start.empty()) info.start = start_key;  // the start page may come back from the browser last
  if (partials > 0) {
    // The listing counted the partials as unlinked pages: they are not pages.
    for (auto it = info.notes.begin(); it != info.notes.end(); ++it)
      if (it->code == "note/unlinked-pages" && it->data.value("count", 0) >= 0) {
        const long left = it->data.value("count", 0L) - static_cast<long>(partials);
        if (left > 0) it->data["count"] = left;
        else info.notes.erase(it);
        break;
      }
    info.notes.push_back({"note/partials", {{"count", partials}}});
  }
  if (auto n = partials_read.note()) info.notes.push_back(std::move(*n));
  for (auto& n : renderer.notes()) info.notes.push_back(std::move(n));
  if (interrupted)
    info.notes.push_back({"note/interrupted", {{"count", progress.done}}});
  builder.set_fetch_info(std::move(info));
  if (parsed == 0)
    return std::unexpected(AuditError{3, o.target + ": nothing could be audited" +
                                             (first_error.empty() ? std::string() : " (" + first_error + ")")});

  model::Site site = builder.finish();
  site.render_advice = renderer.advice();
  if (auto refused = refuse_non_page(site, o.target)) return std::unexpected(*refused);
  // "auto": the shop's own language where the report has a translation, else English.
  const std::string report_lang = o.report_lang != "auto" ? o.report_lang : site.language == "es" ? "es" : "en";
  RuleResults results = run_rules(rules, site, o.config, report_lang);
  const Scores scores = score(results, report_lang);
  ReportMeta meta;
  meta.target = o.target;
  meta.started_at = started_at;
  meta.report_lang = report_lang;
  meta.config_file = o.config_file;
  meta.duration_ms = fixed_clock() ? 0
                                   : std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - t0)
                                         .count();
  model::Report report = build_report(site, std::move(results), scores, meta);
  report.partial = interrupted;
  if (fixed_clock())  // reproducible output: no timings at all
    for (auto& p : report.pages) p.fetch_ms = 0;
  return report;
}

}  // namespace amable::engine
