// Google Benchmark micro-benchmarks, one per stage of an audit, on real pages:
//   gumbo/bare        Gumbo alone (gumbo_parse + gumbo_destroy_output) on the page as it is
//   gumbo/stripped    Gumbo alone on the page with script and style bodies cut out first
//                     (parse/raw_text.hpp): the floor amable's parse is compared with (issue 19)
//   cut/page          the scan before Gumbo alone (parse/raw_text.hpp: script, style and SVG cut)
//   gumbo/cut         Gumbo alone on amable's cut input: parse/page - cut/page - gumbo/cut is
//                     amable's decoding and walk to a Page
//   parse/page        amable's parse: decoding, the script/style cut, Gumbo, the walk to a Page
//   tokens/page       tokenising every text block (text/tokens.hpp), as the detectors share it
//   detector/<name>   one detector alone on parsed pages (language known, regions classified),
//                     paying for the tokens it reads itself
//   facts/page        every detector of one page (site/page_facts.cpp)
//   audit/page        parse + facts: the CPU one page costs a parse worker
//   site/build        the site model (link graph, depths, key pages, site facts) from page facts
//   rule/<id>         each rule's check on that site
//   writer/<format>   each report writer on that site's report
// Pages: every .html of ../shared/corpus (or of AMABLE_BENCH_PAGES, e.g. the generated shop of
// bench/run.sh), else the example shops. The site: the example shop tienda-amable, or the pages
// of AMABLE_BENCH_PAGES when set. Each iteration is one pass over all pages; items = pages.
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "engine/report_builder.hpp"
#include "engine/runner.hpp"
#include "parse/html_parser.hpp"
#include "parse/raw_text.hpp"
#include "reports/writer.hpp"
#include "rules/rule_list.hpp"
#include "site/addresses.hpp"
#include "site/clutter.hpp"
#include "site/copy_stats.hpp"
#include "site/emails.hpp"
#include "site/language.hpp"
#include "site/office_hours.hpp"
#include "site/page_classes.hpp"
#include "site/page_facts.hpp"
#include "site/page_signals.hpp"
#include "site/people.hpp"
#include "site/phones.hpp"
#include "site/regions.hpp"
#include "site/returns_text.hpp"
#include "site/script_scan.hpp"
#include "site/service_text.hpp"
#include "site/site_builder.hpp"
#include "site/structured.hpp"
#include "text/tokens.hpp"

namespace fs = std::filesystem;
using namespace amable;

namespace {

struct Corpus {
  std::vector<std::pair<std::string, std::string>> pages;  // (key, bytes)
  std::string from;
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::pair<std::string, std::string>> html_files(const fs::path& root, size_t limit) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const auto ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".html" || ext == ".htm")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (files.size() > limit) files.resize(limit);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : files) out.emplace_back(fs::relative(f, root).generic_string(), read(f));
  // The start page first, for site building.
  std::stable_partition(out.begin(), out.end(), [](const auto& p) { return p.first == "index.html"; });
  return out;
}

const Corpus& pages() {
  static const Corpus corpus = [] {
    Corpus c;
    const fs::path source = AMABLE_SOURCE_DIR;
    if (const char* dir = std::getenv("AMABLE_BENCH_PAGES")) {
      c.pages = html_files(dir, 2000);
      c.from = dir;
    } else if (fs::exists(source.parent_path() / "shared" / "corpus")) {
      c.pages = html_files(source.parent_path() / "shared" / "corpus", 100000);
      c.from = "../shared/corpus";
    } else {
      c.pages = html_files(source / "examples", 1000);
      c.from = "examples/";
    }
    return c;
  }();
  return corpus;
}

const std::vector<std::pair<std::string, std::string>>& site_pages() {
  static const auto p = std::getenv("AMABLE_BENCH_PAGES") ? pages().pages
                                                          : html_files(fs::path(AMABLE_SOURCE_DIR) / "examples" / "tienda-amable", 1000);
  return p;
}

parse::ParseInput input_for(const std::string& key) { return parse::ParseInput{key, "file:///" + key, ""}; }

void per_page(benchmark::State& state, size_t n, size_t bytes) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetLabel(std::to_string(n) + " pages from " + pages().from);
}

size_t total_bytes() {
  size_t b = 0;
  for (const auto& [k, v] : pages().pages) b += v.size();
  return b;
}

void gumbo_bare(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& [key, html] : pages().pages) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  per_page(state, pages().pages.size(), total_bytes());
}

void gumbo_stripped(benchmark::State& state) {
  // The cut is made once, outside the timing: only Gumbo's share is measured.
  static const std::vector<std::string> stripped = [] {
    std::vector<std::string> out;
    // Script and style bodies only, as the issue defines the floor (not amable's SVG cut).
    for (const auto& [key, html] : pages().pages) out.emplace_back(parse::RawTextCut(html, 256, 10000, false).html());
    return out;
  }();
  for (auto _ : state)
    for (const auto& html : stripped) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  per_page(state, pages().pages.size(), total_bytes());
}

const std::vector<std::string>& cut_pages() {
  static const std::vector<std::string> cut = [] {
    std::vector<std::string> out;
    for (const auto& [key, html] : pages().pages) out.emplace_back(parse::RawTextCut(html).html());
    return out;
  }();
  return cut;
}

void cut_page(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& [key, html] : pages().pages) benchmark::DoNotOptimize(parse::RawTextCut(html).cut_count());
  per_page(state, pages().pages.size(), total_bytes());
}

void gumbo_cut(benchmark::State& state) {
  cut_pages();  // made before the timing
  for (auto _ : state)
    for (const auto& html : cut_pages()) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  per_page(state, pages().pages.size(), total_bytes());
}

// Parsed pages as the detectors see them: language detected, regions classified, structured
// data read.
struct Prepared {
  model::Page page;
  std::string lang;
  model::StructuredFacts sd;
};

const std::vector<Prepared>& prepared() {
  static const std::vector<Prepared> all = [] {
    std::vector<Prepared> out;
    for (const auto& [key, html] : pages().pages) {
      Prepared p{parse::parse_page(html, input_for(key)), "", {}};
      const text::TokenCache cache;
      p.lang = site::detect_language(p.page).effective;
      site::classify_regions(p.page, p.lang);
      p.sd = site::structured_facts(p.page);
      out.push_back(std::move(p));
    }
    return out;
  }();
  return all;
}

void tokens_page(benchmark::State& state) {
  prepared();  // made before the timing
  for (auto _ : state)
    for (const auto& p : prepared())
      for (const auto& b : p.page.blocks) benchmark::DoNotOptimize(text::Tokens(b.text).size());
  per_page(state, pages().pages.size(), total_bytes());
}

// One detector's call on a prepared page; each page gets its own token cache, as in extract_facts.
using Detector = std::function<size_t(const Prepared&)>;
const std::vector<std::pair<std::string, Detector>>& detectors() {
  static const std::vector<std::pair<std::string, Detector>> all = {
      {"language", [](const Prepared& p) { return site::detect_language(p.page).effective.size(); }},
      {"structured", [](const Prepared& p) { return site::structured_facts(p.page).has_any() ? 1u : 0u; }},
      {"page-classes", [](const Prepared& p) { return size_t{site::own_classes(p.page, p.lang, p.sd)}; }},
      {"emails", [](const Prepared& p) { return site::find_emails(p.page, p.lang, p.sd).size(); }},
      {"scripts", [](const Prepared& p) { return site::scan_scripts(p.page).chat_vendor.size(); }},
      {"returns", [](const Prepared& p) { return site::analyze_returns(p.page, p.lang).words; }},
      {"phones", [](const Prepared& p) { return site::find_phones(p.page, p.lang, site::PhoneOptions{{"GB", "ES"}, false}, p.sd).size(); }},
      {"addresses", [](const Prepared& p) { return site::find_addresses(p.page, p.lang, p.sd).size(); }},
      {"office-hours", [](const Prepared& p) { return site::find_office_hours(p.page, p.lang, false, p.sd).size(); }},
      {"people", [](const Prepared& p) { return site::find_people(p.page, p.lang, {}, p.sd).size(); }},
      {"response-time", [](const Prepared& p) { return site::find_response_promises(p.page, p.lang).size(); }},
      {"follow-up", [](const Prepared& p) { return site::find_follow_up(p.page, p.lang, false).confirmation ? 1u : 0u; }},
      {"contact-access", [](const Prepared& p) { return site::find_contact_access(p.page, p.lang, false).contact_link ? 1u : 0u; }},
      {"privacy", [](const Prepared& p) { return site::find_privacy(p.page, p.lang).items.size(); }},
      {"clutter", [](const Prepared& p) { return site::find_clutter(p.page, p.lang, 500).size(); }},
      {"purpose", [](const Prepared& p) { return site::find_purpose(p.page, p.lang, p.sd, false).product_names.size(); }},
      {"self-service", [](const Prepared& p) { return site::find_self_service(p.page, p.lang, p.sd, false).faq_link ? 1u : 0u; }},
      {"perspective", [](const Prepared& p) { return static_cast<size_t>(site::count_perspective(p.page, p.lang).words); }},
      {"readability", [](const Prepared& p) { return static_cast<size_t>(site::measure_readability(p.page, p.lang).words); }},
  };
  return all;
}

void parse_page(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& [key, html] : pages().pages) benchmark::DoNotOptimize(parse::parse_page(html, input_for(key)));
  per_page(state, pages().pages.size(), total_bytes());
}

void facts_page(benchmark::State& state) {
  std::vector<model::Page> parsed;
  for (const auto& [key, html] : pages().pages) parsed.push_back(parse::parse_page(html, input_for(key)));
  const site::FactOptions options;
  for (auto _ : state)
    for (size_t i = 0; i < parsed.size(); ++i) benchmark::DoNotOptimize(site::extract_facts(parsed[i], options, i == 0));
  per_page(state, pages().pages.size(), total_bytes());
}

void audit_page(benchmark::State& state) {
  const site::FactOptions options;
  for (auto _ : state)
    for (const auto& [key, html] : pages().pages)
      benchmark::DoNotOptimize(site::extract_facts(parse::parse_page(html, input_for(key)), options, false));
  per_page(state, pages().pages.size(), total_bytes());
}

void site_build(benchmark::State& state) {
  const auto& sp = site_pages();
  std::vector<model::PageFacts> facts;
  const site::FactOptions options;
  for (size_t i = 0; i < sp.size(); ++i) facts.push_back(site::extract_facts(parse::parse_page(sp[i].second, input_for(sp[i].first)), options, i == 0));
  for (auto _ : state) {
    site::SiteBuilder b(sp.front().first, "folder");
    for (size_t i = 0; i < sp.size(); ++i) {
      model::PageRecord r;
      r.url = r.final_url = sp[i].first;
      r.status = 200;
      r.is_html = true;
      r.via = i == 0 ? "start" : "link";
      b.add(std::move(r), facts[i]);
    }
    benchmark::DoNotOptimize(b.finish());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * sp.size()));
}

const model::Site& bench_site() {
  static const model::Site s = site::build_site_from_html(site_pages());
  return s;
}

const model::Report& bench_report() {
  static const model::Report r = [] {
    auto results = engine::run_rules(rules::all_rules(), bench_site(), engine::Config{}, "en");
    const auto scores = engine::score(results, "en");
    return engine::build_report(bench_site(), std::move(results), scores, engine::ReportMeta{"bench", "", 0, "en", ""});
  }();
  return r;
}

void register_all() {
  benchmark::RegisterBenchmark("gumbo/bare", gumbo_bare)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("gumbo/stripped", gumbo_stripped)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("cut/page", cut_page)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("gumbo/cut", gumbo_cut)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("parse/page", parse_page)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("tokens/page", tokens_page)->Unit(benchmark::kMillisecond);
  for (const auto& [name, detect] : detectors())
    benchmark::RegisterBenchmark(("detector/" + name).c_str(), [&detect](benchmark::State& state) {
      prepared();  // made before the timing
      for (auto _ : state)
        for (const auto& p : prepared()) {
          const text::TokenCache cache;
          benchmark::DoNotOptimize(detect(p));
        }
      per_page(state, pages().pages.size(), total_bytes());
    })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("facts/page", facts_page)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("audit/page", audit_page)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("site/build", site_build)->Unit(benchmark::kMillisecond);
  for (const auto& rule : rules::all_rules())
    benchmark::RegisterBenchmark(("rule/" + rule.meta.id).c_str(), [&rule](benchmark::State& state) {
      const engine::RuleContext ctx;
      for (auto _ : state) benchmark::DoNotOptimize(rule.check(bench_site(), ctx));
    })->Unit(benchmark::kMicrosecond);
  for (const auto& w : reports::writers())
    benchmark::RegisterBenchmark(("writer/" + w.name).c_str(), [&w](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(w.write(bench_report(), reports::WriteOptions{}));
    })->Unit(benchmark::kMicrosecond);
}

}  // namespace

// One pass of STAGE over `pages` (the sum keeps the work from being optimised away).
[[gnu::noinline]] size_t run_pass(std::string_view stage, const std::vector<std::pair<std::string, std::string>>& pages) {
  const site::FactOptions options;
  size_t sink = 0;
  for (const auto& [key, html] : pages) {
    if (stage == "gumbo/bare") {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
      sink += out->root != nullptr;
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    } else if (stage == "parse/page") {
      sink += parse::parse_page(html, input_for(key)).blocks.size();
    } else if (stage == "audit/page") {
      sink += site::extract_facts(parse::parse_page(html, input_for(key)), options, false).words;
    }
  }
  return sink;
}

// The pass that counts, out of line under its own name: callgrind counts only inside it
// (`--toggle-collect=*measured_pass*`), not in the warm-up before it.
[[gnu::noinline]] size_t measured_pass(std::string_view stage, const std::vector<std::pair<std::string, std::string>>& pages) {
  return run_pass(stage, pages);
}

// `--one-pass=STAGE`: one pass of gumbo/bare, gumbo/stripped, parse/page or audit/page over the
// pages and nothing else (`--one-pass=none` only loads them), for `valgrind --tool=callgrind`,
// whose instruction counts do not depend on what else the machine is doing
// (bench/instructions.sh). The first page is run once before, so the lexicons, regular
// expressions and phone metadata a process loads once are not counted as per-page work.
int one_pass(std::string_view stage) {
  static constexpr std::string_view k_stages[] = {"none", "gumbo/bare", "gumbo/stripped", "parse/page", "audit/page"};
  if (std::find(std::begin(k_stages), std::end(k_stages), stage) == std::end(k_stages)) {
    std::fprintf(stderr, "unknown stage %.*s\n", static_cast<int>(stage.size()), stage.data());
    return 2;
  }
  auto all = pages().pages;
  if (stage == "gumbo/stripped") {  // the cut made before, as in the gumbo/stripped benchmark
    for (auto& [key, html] : all) html = parse::RawTextCut(html, 256, 10000, false).html();
    stage = "gumbo/bare";
  }
  if (!all.empty()) run_pass(stage, {all.front()});
  const size_t sink = measured_pass(stage, all);
  std::printf("%zu pages from %s (%zu)\n", all.size(), pages().from.c_str(), sink);
  return 0;
}

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]).starts_with("--one-pass=")) return one_pass(std::string_view(argv[1]).substr(11));
  // Loaded and built before any timing starts.
  pages();
  bench_report();
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
