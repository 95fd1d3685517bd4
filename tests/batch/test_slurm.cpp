// The Slurm path end to end: a one-node cluster on 127.0.0.1 (examples/slurm/local-cluster.sh,
// started and stopped here), the example array over shops served on loopback, one shard killed
// and resubmitted, the merge job, one row per shop. Skipped with the reason where Slurm is not
// installed or the tests do not run as root.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "batch/shop_list.hpp"
#include "batch/json_lines.hpp"
#include "helpers.hpp"
#include "http_test_server.hpp"

using namespace amable;
using json = nlohmann::json;

namespace {

std::string sh(const std::string& cmd, const std::string& env = {}) {
  return test::run_program("/bin/sh", {"-c", cmd}, env).out;
}

bool slurm_usable() {
  if (geteuid() != 0) {
    MESSAGE("skipped: the Slurm test runs as root (slurmd starts jobs as their user)");
    return false;
  }
  for (const char* b : {"/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch", "/usr/sbin/munged"})
    if (access(b, X_OK) != 0) {
      MESSAGE("skipped: " << b << " is not installed (scripts/dev test installs slurmctld slurmd slurm-client munge)");
      return false;
    }
  return true;
}

// Stops the cluster however the test ends.
struct Cluster {
  test::fs::path dir;
  std::string env;  // SLURM_CONF=...
  bool up = false;
  explicit Cluster(test::fs::path d) : dir(std::move(d)) {
    const auto r = test::run_program((test::source_dir() / "examples/slurm/local-cluster.sh").string(), {"start", dir.string()});
    up = r.exit_code == 0;
    if (!up) MESSAGE("the cluster did not start: " << r.err << sh("cat " + (dir / "logs" / "*").string() + " 2>/dev/null | tail -20"));
    env = "SLURM_CONF=" + (dir / "slurm.conf").string();
  }
  ~Cluster() { test::run_program((test::source_dir() / "examples/slurm/local-cluster.sh").string(), {"stop", dir.string()}); }
  // Waits until no job of the cluster is pending or running.
  bool wait_idle(double seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
      if (sh("squeue -h -o %i", env).empty()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
  }
};

std::vector<json> rows_in(const test::fs::path& p) { return test::json_lines(p); }

}  // namespace

TEST_CASE("slurm: the example array audits every shop, a killed shard is resubmitted, the merge job leaves one row per shop") {
  if (!slurm_usable()) return;
  // Eight shops on loopback; one answers slowly so that its shard is still running when killed.
  std::vector<std::unique_ptr<test::TestServer>> shops;
  std::string list;
  std::string slow_key;
  for (int i = 0; i < 8; ++i) {
    auto s = std::make_unique<test::TestServer>();
    const int delay = i == 0 ? 800 : 0;
    s->server().Get(R"(.*)", [i, delay](const httplib::Request& req, httplib::Response& res) {
      if (delay) std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      if (req.path == "/robots.txt") {
        res.status = 404;
        return;
      }
      const std::string links = "<a href=\"/a.html\">A</a> <a href=\"/b.html\">B</a> <a href=\"/c.html\">C</a>";
      res.set_content(test::html_page("en", "Shop " + std::to_string(i), "<p>Wool. Call +44 20 7946 095" + std::to_string(i) + ".</p>" + links),
                      "text/html");
    });
    s->start();
    list += s->url("/") + "\n";
    if (i == 0) slow_key = *batch::shop_key(s->url("/"));
    shops.push_back(std::move(s));
  }
  test::TempDir work;
  chmod(work.path().c_str(), 0755);
  test::write_file(work / "shops.txt", list);
  Cluster cluster(work / "cluster");
  REQUIRE(cluster.up);

  const std::string examples = (test::source_dir() / "examples/slurm").string();
  const std::string env = cluster.env + " PATH=" + test::amable_binary().parent_path().string() + ":/usr/bin:/bin:/usr/sbin" +
                          " SHOPS=" + (work / "shops.txt").string() + " OUT=" + (work / "out").string() + " SHARDS=4" +
                          " AMABLE_BATCH_ARGS=--max-pages=4";
  const auto submitted = test::run_program((test::fs::path(examples) / "submit.sh").string(), {(work / "shops.txt").string(), (work / "out").string(), "4", "4"}, env);
  INFO(submitted.out << submitted.err);
  REQUIRE(submitted.exit_code == 0);

  // Kill the slow shop's shard while it runs, as a node failure or a time limit would.
  const size_t slow_shard = batch::shard_of(slow_key, 4);
  std::string job;
  for (int i = 0; i < 50 && job.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::istringstream q(sh("squeue -h -t R -o '%i %K'", cluster.env));
    std::string id, index;
    while (q >> id >> index)
      if (index == std::to_string(slow_shard)) job = id;
  }
  REQUIRE_MESSAGE(!job.empty(), "the slow shop's shard was not seen running");
  sh("scancel -s KILL " + job, cluster.env);
  REQUIRE(cluster.wait_idle(90));

  // Resubmit the killed shard alone (the same N), then merge again.
  const auto again = test::run_program("/bin/sh", {"-c", "sbatch --parsable --export=ALL --array=" + std::to_string(slow_shard) + " --output=" +
                                                             (work / "out/logs/again-%A_%a.out").string() + " " + examples + "/amable-array.sbatch"},
                                       env);
  REQUIRE(again.exit_code == 0);
  REQUIRE(cluster.wait_idle(90));
  const auto merged = test::run_program("/bin/sh", {"-c", examples + "/merge.sbatch"}, env);
  INFO(merged.err << sh("cat " + (work / "out/logs/*").string()));
  REQUIRE(merged.exit_code == 0);

  const auto rows = rows_in(work / "out/all.jsonl");
  std::set<std::string> keys;
  for (const auto& r : rows) {
    keys.insert(r["key"].get<std::string>());
    CHECK(r["status"] == "ok");
    CHECK(r["shard"]["count"] == 4);
  }
  CHECK(rows.size() == 8);
  CHECK(keys.size() == 8);
  CHECK(test::read_file(work / "out/missing.txt").empty());
  CHECK(test::fs::exists(work / "out/summary.html"));
  MESSAGE("shard " << slow_shard << " (job " << job << ") was killed and resubmitted");
}
