#include "batch/batch_runner.hpp"

#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "engine/parse_pool.hpp"
#include "fetch/http_source.hpp"
#include "fetch/transfer_loop.hpp"
#include "model/report_json.hpp"
#include "util/text.hpp"

namespace amable::batch {
namespace {

using Clock = std::chrono::steady_clock;

// The full report, gzip-compressed, as DIR/<key>.json.gz (written to a temporary name first).
void keep_report(const std::string& dir, const std::string& key, const model::Report& r) {
  namespace fs = std::filesystem;
  std::string name;
  for (char c : key) name += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') ? c : '_';
  const fs::path final_path = fs::path(dir) / (name + ".json.gz"), tmp = fs::path(dir) / ("." + name + ".json.gz.tmp");
  gzFile f = gzopen(tmp.c_str(), "wb6");
  if (!f) return;
  const std::string text = model::to_json(r).dump();
  const bool ok = gzwrite(f, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size());
  if (gzclose(f) == Z_OK && ok) {
    std::error_code ec;
    fs::rename(tmp, final_path, ec);
  }
}

struct Slot {
  std::atomic<bool> interrupt{false};
  std::atomic<bool> busy{false};
  // Atomic: the watchdog may read it (having seen `busy` just before it was cleared) while the
  // worker sets the next shop's (ThreadSanitizer, scripts/dev test-threads).
  std::atomic<Clock::time_point> deadline{};
  std::atomic<bool> timed_out{false};
};

}  // namespace

BatchResult run_batch(const std::vector<Shop>& shops, RowFile& out, const BatchOptions& o, const std::vector<engine::Rule>& rules) {
  BatchResult result;
  std::mutex result_mutex;
  std::atomic<size_t> next{0}, done{0};
  std::atomic<bool> write_failed{false};
  const size_t k = std::max<size_t>(1, std::min(o.shops_in_flight, shops.size()));
  std::vector<Slot> slots(k);
  // One set of parse threads, one per core, for all the shops in flight.
  engine::SharedParseWorkers parse_workers(std::max(1u, std::thread::hardware_concurrency()));
  // One network thread, one curl multi handle, for all the shops' transfers; each shop's
  // thread waits for its own. It outlives the shops: their threads are joined below.
  const auto& crawl = o.audit.config.crawl;
  const fetch::HttpOptions defaults;
  fetch::NetworkThread network(crawl.per_host.value_or(defaults.per_host),
                               static_cast<int>(k) * crawl.concurrency.value_or(defaults.concurrency));
  std::atomic<bool> finished{false};

  // The watchdog: a shop past its budget, or every shop a while after a stop signal, is told
  // to stop reading (the audit then reports what it read).
  std::thread watchdog([&] {
    std::optional<Clock::time_point> stop_at;
    while (!finished.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const auto now = Clock::now();
      if (o.stop && o.stop->load() && !stop_at) stop_at = now + std::chrono::milliseconds(static_cast<long long>(o.stop_grace_s * 1000));
      for (auto& s : slots) {
        if (!s.busy.load()) continue;
        if (now >= s.deadline.load() && !s.interrupt.load()) {
          s.timed_out = true;
          s.interrupt = true;
        }
        if (stop_at && now >= *stop_at) s.interrupt = true;
      }
    }
  });

  auto worker = [&](Slot& slot) {
    while (true) {
      if ((o.stop && o.stop->load()) || write_failed.load()) return;
      const size_t i = next.fetch_add(1);
      if (i >= shops.size()) return;
      const Shop& shop = shops[i];
      slot.interrupt = false;
      slot.timed_out = false;
      slot.deadline = Clock::now() + std::chrono::milliseconds(static_cast<long long>(o.shop_timeout_s * 1000));
      slot.busy = true;
      engine::AuditOptions ao = o.audit;
      ao.target = shop.url;
      ao.interrupted = &slot.interrupt;
      ao.parse_workers = &parse_workers;
      ao.network = &network;
      ao.on_page = nullptr;
      RowContext ctx = o.row;
      ctx.values = o.values;
      ctx.started_at = engine::now_iso8601();
      const auto t0 = Clock::now();
      auto report = engine::run_audit(ao, rules);
      slot.busy = false;
      ctx.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
      ctx.timed_out = slot.timed_out.load();
      // Stopped by a signal, not by its budget: no row, so that a restart audits it whole.
      if (slot.interrupt.load() && !ctx.timed_out) {
        std::lock_guard lock(result_mutex);
        ++result.stopped;
        continue;
      }
      nlohmann::ordered_json row;
      std::string status;
      if (report) {
        row = row_of_report(shop, *report, ctx);
        if (!o.reports_dir.empty()) keep_report(o.reports_dir, shop.key, *report);
      } else {
        const std::string error = report.error().message;
        row = row_of_failure(shop, ctx.timed_out ? "timeout" : failure_status(error), error, ctx);
      }
      status = row["status"].get<std::string>();
      if (auto ok = out.append(row.dump()); !ok) {
        std::lock_guard lock(result_mutex);
        if (result.write_error.empty()) result.write_error = ok.error();
        write_failed = true;
        return;
      }
      {
        std::lock_guard lock(result_mutex);
        ++result.written;
      }
      const size_t n = done.fetch_add(1) + 1;
      if (o.on_shop) o.on_shop(shop, status, n, shops.size());
    }
  };
  std::vector<std::thread> threads;
  for (size_t s = 0; s < k; ++s) threads.emplace_back(worker, std::ref(slots[s]));
  for (auto& t : threads) t.join();
  finished = true;
  watchdog.join();
  // Shops never started because of a signal have no row either.
  if (o.stop && o.stop->load()) result.stopped += shops.size() - std::min(shops.size(), next.load());
  const auto net = network.stats();
  result.requests = net.started;
  result.most_shops_at_once = net.most_lanes;
  return result;
}

}  // namespace amable::batch
