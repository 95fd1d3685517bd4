#pragma once
// Fuzz targets: each takes arbitrary bytes through one reader of untrusted input and checks
// what must hold whatever the input. libFuzzer drives them (fuzz/fuzz_main.cpp, built by
// scripts/fuzz with clang); the test suite runs every saved crasher and seed through them
// (tests/fuzz/test_fuzz_regressions.cpp), so a bug found once stays fixed.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace amable::fuzz {

// Returns 0; a broken invariant aborts (so that libFuzzer and the tests see it).
int html_page(const uint8_t* data, size_t size);     // HTML bytes -> Page -> page facts
int robots_txt(const uint8_t* data, size_t size);    // robots.txt -> rules, matching
int sitemap_xml(const uint8_t* data, size_t size);   // sitemap XML, gzip, text
int url(const uint8_t* data, size_t size);           // href + base -> resolution, normalisation
int config_json(const uint8_t* data, size_t size);   // amable.json
int report_json(const uint8_t* data, size_t size);   // a saved JSON report -> every writer

struct Target {
  std::string_view name;
  int (*run)(const uint8_t*, size_t);
};
inline constexpr Target k_targets[] = {{"html", html_page},       {"robots", robots_txt},       {"sitemap", sitemap_xml},
                                       {"url", url},              {"config", config_json},      {"report", report_json}};

}  // namespace amable::fuzz
