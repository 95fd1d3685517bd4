#pragma once
// Sources on disk: a folder holding a built site, or one HTML file.
#include <cstddef>
#include <deque>
#include <expected>
#include <filesystem>
#include <memory>
#include <condition_variable>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "fetch/source.hpp"
#include "fetch/start_page.hpp"

namespace amable::fetch {

struct LocalLimits {
  size_t max_pages = 500;
  int max_depth = 10;
  size_t max_bytes = 10u << 20;  // larger files are cut and the cut is reported
  bool list_folder = true;       // after the links, read the folder's unlinked pages too
};

// A built static site: starts at its home page (fetch/start_page.hpp: index.html, index.php,
// home.html..., else the page most others link to), follows relative links that stay inside the
// folder ("dir/" means "dir/index.html"); links leaving it are recorded by the page, not read.
// When the links run out, the folder's other .html/.htm files are read too (via "folder",
// depth -1): the folder listing is the sitemap of a site on disk, and it finds pages whose only
// links sit in Flash or script menus. Page keys are paths relative to the folder.
class DirSource final : public Source {
 public:
  static std::expected<std::unique_ptr<DirSource>, std::string> open(const std::filesystem::path& dir,
                                                                       const LocalLimits& limits);
  std::vector<RawPage> poll(std::chrono::milliseconds wait) override;
  bool idle() const override { return m_queue.empty() && (m_listed || m_stopped || !m_limits.list_folder); }
  void wakeup() override;
  void links_pending(bool pending) override { m_links_pending = pending; }
  size_t queued() const override { return m_queue.size(); }
  void add_links(const RawPage& from, const std::vector<model::RawLink>& links) override;
  std::string key_of(std::string_view resolved_url) const override;
  void stop() override { m_queue.clear(); m_stopped = true; }
  void finished() override;
  SiteFetchInfo info() const override;
  std::unique_ptr<ResourceFetcher> resources() const override { return folder_resources(m_root.string(), m_limits.max_bytes); }

 private:
  DirSource(std::filesystem::path root, StartPage start, const LocalLimits& limits);
  std::optional<RawPage> next();
  void enqueue(const std::string& key, int depth, const std::string& via);
  void list_unlinked_pages();

  std::filesystem::path m_root;  // canonical
  LocalLimits m_limits;
  model::Message m_start_note;  // how the start page was chosen when it is not index.html
  struct Item {
    std::string key;
    int depth;
    std::string via;
  };
  std::deque<Item> m_queue;
  std::unordered_set<std::string> m_seen;
  // key_of() asks the file system; parse threads ask it for the same links on every page.
  std::string file_key(const std::string& key) const;  // key_of() without the memo
  bool m_links_pending = false;
  std::mutex m_wake_mutex;  // poll() waits for a parse to finish before listing the folder
  std::condition_variable m_wake;
  bool m_woken = false;
  mutable std::mutex m_key_mutex;
  mutable std::unordered_map<std::string, std::string> m_key_memo;
  size_t m_read = 0;
  bool m_stopped = false;
  bool m_listed = false;
  size_t m_skipped = 0;
  size_t m_unlinked = 0;
};

// One HTML file: a site of one page whose key is the file's name.
class FileSource final : public Source {
 public:
  static std::expected<std::unique_ptr<FileSource>, std::string> open(const std::filesystem::path& file,
                                                                        const LocalLimits& limits);
  std::vector<RawPage> poll(std::chrono::milliseconds wait) override;
  bool idle() const override { return m_done; }
  void add_links(const RawPage&, const std::vector<model::RawLink>&) override {}
  std::string key_of(std::string_view resolved_url) const override;
  std::unique_ptr<ResourceFetcher> resources() const override {
    return folder_resources(m_file.parent_path().string(), m_limits.max_bytes);
  }

 private:
  FileSource(std::filesystem::path file, const LocalLimits& limits) : m_file(std::move(file)), m_limits(limits) {}
  std::optional<RawPage> next();
  std::filesystem::path m_file;
  LocalLimits m_limits;
  bool m_done = false;
};

// Why a file cannot be a web page (empty, a picture, a program, binary data), or nothing.
std::optional<std::string> not_a_page(const std::filesystem::path& file);

// True when a path names a page rather than an asset (by extension; no extension counts).
bool looks_like_page_path(std::string_view path);

// Reads at most `max_bytes` of a file; sets `truncated` when there was more.
std::expected<std::string, std::string> read_file_capped(const std::filesystem::path& p, size_t max_bytes,
                                                         bool& truncated, uint64_t& size);

}  // namespace amable::fetch
