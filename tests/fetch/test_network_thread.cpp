// One network thread carrying the transfers of many crawlers at once (as `amable batch` runs its
// shops), against cpp-httplib servers on 127.0.0.1.
#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <thread>

#include "engine/audit.hpp"
#include "fetch/http_source.hpp"
#include "fetch/transfer_loop.hpp"
#include "helpers.hpp"
#include "http_test_server.hpp"
#include "rules/rule_list.hpp"

using namespace amable;
using test::TestServer;

namespace {

// A shop of `pages` pages in a chain (each links the next), each naming the shop `name`.
void serve_chain(TestServer& s, const std::string& name, int pages, int delay_ms = 0) {
  s.server().Get(R"(.*)", [name, pages, delay_ms](const httplib::Request& req, httplib::Response& res) {
    if (delay_ms) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (req.path == "/robots.txt" || req.path == "/sitemap.xml") {
      res.status = 404;
      return;
    }
    const int n = req.path == "/" ? 0 : std::atoi(req.path.c_str() + 3);  // "/p-7.html"
    std::string body = "<p>" + name + " page " + std::to_string(n) + "</p>";
    if (n + 1 < pages) body += "<a href=\"/p-" + std::to_string(n + 1) + ".html\">next</a>";
    res.set_content(test::html_page("en", name, body), "text/html; charset=utf-8");
  });
  s.start();
}

std::set<std::string> urls_of(const model::Report& r) {
  std::set<std::string> out;
  for (const auto& p : r.pages) out.insert(p.url);
  return out;
}

engine::AuditOptions options_for(const std::string& url, fetch::NetworkThread* network) {
  engine::AuditOptions o;
  o.target = url;
  o.jobs = 1;
  o.network = network;
  o.config.crawl.timeout_s = 5;
  return o;
}

}  // namespace

TEST_CASE("network thread: six shops crawled at once on one multi handle read what each reads alone") {
  constexpr int k_shops = 6;
  std::vector<std::unique_ptr<TestServer>> servers;
  for (int i = 0; i < k_shops; ++i) {
    servers.push_back(std::make_unique<TestServer>());
    serve_chain(*servers.back(), "Shop " + std::to_string(i), 5 + i, 20);
  }
  std::vector<std::set<std::string>> alone(k_shops), together(k_shops);
  for (int i = 0; i < k_shops; ++i) {
    auto r = engine::run_audit(options_for(servers[i]->url("/"), nullptr), rules::all_rules());
    REQUIRE(r);
    alone[i] = urls_of(*r);
    CHECK(alone[i].size() == static_cast<size_t>(5 + i));
  }
  size_t hits_before = 0;
  for (const auto& s : servers) hits_before += s->log().size();

  fetch::NetworkThread network(4, 32);
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int i = 0; i < k_shops; ++i)
    threads.emplace_back([&, i] {
      auto r = engine::run_audit(options_for(servers[i]->url("/"), &network), rules::all_rules());
      if (!r) ++failed;
      else together[i] = urls_of(*r);
    });
  for (auto& t : threads) t.join();
  CHECK(failed == 0);
  for (int i = 0; i < k_shops; ++i) CHECK(together[i] == alone[i]);

  size_t hits_after = 0;
  for (const auto& s : servers) hits_after += s->log().size();
  const auto stats = network.stats();
  // Every request the servers saw in the second round went through the one thread.
  CHECK(stats.started == hits_after - hits_before);
  CHECK(stats.finished == stats.started);
  CHECK(stats.most_lanes >= 2);  // the shops overlapped (each page waits 20 ms)
  CHECK(stats.lanes == 0);       // every shop's lane closed with its audit
}

TEST_CASE("network thread: a crawler stopped or dropped mid-transfer leaves at once; the others go on") {
  TestServer slow, quick;
  std::atomic<bool> release{false};
  std::atomic<int> arrived{0};  // the server's log has a request only once it is answered
  slow.server().Get(R"(.*)", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/robots.txt") {
      res.status = 404;
      return;
    }
    ++arrived;
    for (int i = 0; i < 300 && !release.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    res.set_content(test::html_page("en", "Slow", "<p>slow</p>"), "text/html");
  });
  slow.start();
  serve_chain(quick, "Quick", 8);

  fetch::NetworkThread network(4, 32);
  fetch::HttpOptions o;
  o.network = &network;
  o.timeout_s = 10;
  o.sitemap = false;

  // Stopped: the page in flight is reported as interrupted, not waited for.
  auto stopped = fetch::HttpSource::open(slow.url("/"), o);
  REQUIRE(stopped);
  // Dropped: destroyed with its transfer in flight.
  auto dropped = fetch::HttpSource::open(slow.url("/other"), o);
  REQUIRE(dropped);
  for (int i = 0; i < 500 && arrived.load() < 2; ++i) {
    (*stopped)->poll(std::chrono::milliseconds(10));
    (*dropped)->poll(std::chrono::milliseconds(10));
  }
  REQUIRE(arrived.load() == 2);
  (*stopped)->stop();
  const auto pages = (*stopped)->poll(std::chrono::milliseconds(0));
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].error.code == "error/interrupted");
  CHECK((*stopped)->idle());
  dropped->reset();
  CHECK(network.stats().lanes == 1);

  // The slow server still holds its two requests; a third shop on the same thread is read whole.
  auto r = engine::run_audit(options_for(quick.url("/"), &network), rules::all_rules());
  REQUIRE(r);
  CHECK(r->pages.size() == 8);
  release = true;
  stopped->reset();
  CHECK(network.stats().lanes == 0);
}

TEST_CASE("network thread: a lane's wait ends early on wakeup, and at its timeout when nothing comes") {
  fetch::NetworkThread network(4, 32);
  auto lane = network.lane();
  std::thread waker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    lane->wakeup();
  });
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(lane->wait(std::chrono::seconds(30)).empty());
  waker.join();
  // Woken, not timed out (30 s): a lost wakeup would hang the audit loop that relies on it.
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
  // A wakeup with no wait in progress ends the next wait at once, as curl_multi_wakeup does.
  lane->wakeup();
  CHECK(lane->wait(std::chrono::seconds(30)).empty());
  CHECK(lane->wait(std::chrono::milliseconds(5)).empty());
}
