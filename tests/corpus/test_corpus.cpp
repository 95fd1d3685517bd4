// The shared corpus: every item audits to a valid report without crashing, and the facts agree
// with the hand labels. Skipped, with a message, where ../shared is absent.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "engine/audit.hpp"
#include "helpers.hpp"
#include "model/report_json.hpp"
#include "rules/rule_list.hpp"
#include "schema_validation.hpp"

using namespace amable;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> corpus_items(const fs::path& corpus) {
  std::vector<fs::path> items;
  for (const auto& e : fs::directory_iterator(corpus / "sites"))
    if (e.is_directory()) items.push_back(e.path());
  for (const auto& e : fs::directory_iterator(corpus / "pages"))
    if (e.path().extension() == ".html") items.push_back(e.path());
  std::sort(items.begin(), items.end());
  return items;
}

std::expected<model::Report, engine::AuditError> audit(const fs::path& target) {
  engine::AuditOptions o;
  o.target = target.string();
  return engine::run_audit(o, rules::all_rules());
}

}  // namespace

TEST_CASE("corpus: every site folder and page audits to a report that validates") {
  const auto corpus = test::corpus_dir();
  if (!corpus) {
    MESSAGE("skipped: ../shared/corpus is not present");
    return;
  }
  const auto items = corpus_items(*corpus);
  CHECK(items.size() >= 60);
  for (const auto& item : items) {
    CAPTURE(item.string());
    const auto r = audit(item);
    const std::string why = r ? std::string() : r.error().message;
    REQUIRE_MESSAGE(r.has_value(), why);
    CHECK(test::schema_errors(nlohmann::json::parse(model::to_json(*r).dump())) == "");
    CHECK_FALSE(r->pages.empty());
    // Every point a rule loses is on one of its problems ("Why not 100" adds up).
    CHECK(test::unexplained_scores(*r) == "");
  }
}

TEST_CASE("corpus: e-mail and return-policy facts agree with the hand labels on at least 90 % of items") {
  const auto corpus = test::corpus_dir();
  if (!corpus || !fs::exists(*corpus / "labels-dev.json")) {
    MESSAGE("skipped: ../shared/corpus/labels-dev.json is not present");
    return;
  }
  const auto labels = nlohmann::json::parse(test::read_file(*corpus / "labels-dev.json"));
  size_t n = 0, email_ok = 0, returns_ok = 0;
  for (const char* group : {"sites", "pages"}) {
    for (const auto& [name, lab] : labels[group].items()) {
      const auto r = audit(*corpus / name);
      REQUIRE(r.has_value());
      ++n;
      bool email = false;
      for (const auto& e : r->facts.emails) email = email || !e.placeholder;
      const bool returns = std::string(group) == "sites" ? r->facts.key_pages.at("returns").has_value()
                                                        : r->facts.return_policy.stated;
      if (email == lab.value("has_email", false)) ++email_ok;
      else MESSAGE(name << ": has_email label " << lab.value("has_email", false) << ", amable " << email);
      if (returns == lab.value("has_return_policy", false)) ++returns_ok;
      else MESSAGE(name << ": has_return_policy label " << lab.value("has_return_policy", false) << ", amable " << returns);
    }
  }
  REQUIRE(n >= 30);
  MESSAGE("has_email agreement " << email_ok << "/" << n << ", has_return_policy agreement " << returns_ok << "/" << n);
  CHECK(email_ok * 10 >= n * 9);
  CHECK(returns_ok * 10 >= n * 9);
}

TEST_CASE("corpus: every labelled fact agrees with the hand labels (scripts/corpus_table.py --check)") {
  const auto corpus = test::corpus_dir();
  if (!corpus || !fs::exists(*corpus / "labels-dev.json")) {
    MESSAGE("skipped: ../shared/corpus/labels-dev.json is not present");
    return;
  }
  const std::string cmd = "python3 '" + (test::source_dir() / "scripts" / "corpus_table.py").string() + "' --check --amable '" +
                          test::amable_binary().string() + "' --corpus '" + corpus->string() + "' > /dev/null";
  CHECK(std::system(cmd.c_str()) == 0);
}

TEST_CASE("corpus: auditing the largest corpus page peaks under 50 MB of memory") {
  const auto corpus = test::corpus_dir();
  if (!corpus) {
    MESSAGE("skipped: ../shared/corpus is not present");
    return;
  }
#ifdef AMABLE_SANITIZED
  MESSAGE("skipped: memory is not representative under AddressSanitizer");
  return;
#endif
  fs::path largest;
  uintmax_t size = 0;
  for (const auto& e : fs::directory_iterator(*corpus / "pages"))
    if (e.file_size() > size) {
      size = e.file_size();
      largest = e.path();
    }
  const auto r = test::run_amable({"audit", largest.string(), "-f", "json", "-q"});
  CHECK(r.exit_code == 0);
  MESSAGE(largest.filename().string() << " (" << size / 1024 << " KB): peak RSS " << r.max_rss_kb / 1024 << " MB");
  CHECK(r.max_rss_kb < 50 * 1024);
}
