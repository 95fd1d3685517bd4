#include "fetch/local_source.hpp"

#include <cerrno>
#include <chrono>
#include <algorithm>
#include <cstring>
#include <fstream>

#include "fetch/start_page.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace amable::fetch {
namespace fs = std::filesystem;

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool is_inside(const fs::path& root, const fs::path& p) {
  auto r = root.native();
  auto s = p.native();
  if (s.size() < r.size() || s.compare(0, r.size(), r) != 0) return false;
  return s.size() == r.size() || s[r.size()] == '/';
}

// A file is read as HTML when its first non-blank bytes look like markup.
bool sniff_html(std::string_view body) {
  size_t i = 0;
  if (body.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < body.size() && util::is_ascii_space(body[i])) ++i;
  if (i < body.size() && body[i] == '<') return true;
  const auto head = body.substr(0, std::min<size_t>(body.size(), 2048));
  return util::icontains(head, "<html") || util::icontains(head, "<body") || util::icontains(head, "<div");
}

std::string file_url(const std::string& key) { return "file:///" + key; }

model::Message size_note(size_t max_bytes) { return {"note/page-too-large", {{"mb", max_bytes >> 20}}}; }

// Reads the file into `p` (body, status, size, time, a note when cut); false on failure, with
// the reason in p.error.
bool read_into(RawPage& p, const fs::path& path, size_t max_bytes, std::chrono::steady_clock::time_point t0) {
  auto body = read_file_capped(path, max_bytes, p.truncated, p.bytes);
  p.fetch_ms = ms_since(t0);
  if (!body) {
    p.error = {"error/read", {{"detail", body.error()}}};
    return false;
  }
  p.status = 200;
  p.body = std::move(*body);
  if (p.truncated) p.note = size_note(max_bytes);
  return true;
}

}  // namespace

std::optional<std::string> not_a_page(const fs::path& file) {
  std::error_code ec;
  if (fs::file_size(file, ec) == 0 && !ec) return "the file is empty: not a web page";
  std::ifstream in(file, std::ios::binary);
  std::string head(8192, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  struct Magic {
    std::string_view bytes, what;
  };
  // File signatures of what people pass by mistake: pictures, documents, archives, programs.
  static constexpr Magic k_magic[] = {{"\x89PNG", "a PNG image"},   {"\xFF\xD8\xFF", "a JPEG image"}, {"GIF8", "a GIF image"},
                                      {"RIFF", "a RIFF file (WebP image, WAV or AVI)"}, {"%PDF", "a PDF document"},
                                      {"\x7F" "ELF", "a program (ELF)"}, {"PK\x03\x04", "a ZIP archive"},
                                      {"\x1F\x8B", "a gzip archive"},  {"MZ", "a Windows program"}};
  for (const auto& m : k_magic)
    if (head.starts_with(m.bytes)) return "is " + std::string(m.what) + ", not a web page";
  // UTF-16 text starts with a byte-order mark; any other NUL byte means binary data.
  const bool utf16 = head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF");
  if (!utf16 && head.find('\0') != std::string::npos) return "holds binary data, not a web page";
  return std::nullopt;
}

bool looks_like_page_path(std::string_view path) {
  const auto slash = path.rfind('/');
  const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return true;
  const auto ext = util::to_lower_ascii(name.substr(dot + 1));
  static constexpr std::string_view k_page[] = {"html", "htm", "xhtml", "shtml", "php", "asp",
                                                 "aspx", "jsp", "cfm", "cgi", "pl"};
  for (auto e : k_page)
    if (ext == e) return true;
  return false;
}

std::expected<std::string, std::string> read_file_capped(const fs::path& p, size_t max_bytes,
                                                         bool& truncated, uint64_t& size) {
  std::error_code ec;
  size = fs::file_size(p, ec);
  if (ec) return std::unexpected("cannot read " + p.string() + ": " + ec.message());
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::unexpected("cannot open " + p.string() + ": " + std::strerror(errno));
  const size_t n = static_cast<size_t>(std::min<uint64_t>(size, max_bytes));
  std::string body(n, '\0');
  in.read(body.data(), static_cast<std::streamsize>(n));
  body.resize(static_cast<size_t>(in.gcount()));
  truncated = size > max_bytes;
  return body;
}

// ---- DirSource -------------------------------------------------------------------------------

std::expected<std::unique_ptr<DirSource>, std::string> DirSource::open(const fs::path& dir,
                                                                       const LocalLimits& limits) {
  std::error_code ec;
  const fs::path root = fs::canonical(dir, ec);
  if (ec) return std::unexpected(dir.string() + ": " + ec.message());
  if (!fs::is_directory(root)) return std::unexpected(dir.string() + ": not a folder");
  auto start = choose_start_page(root);
  if (!start) return std::unexpected(dir.string() + ": no web page (.html, .htm, .php...) to start from");
  return std::unique_ptr<DirSource>(new DirSource(root, std::move(*start), limits));
}

DirSource::DirSource(fs::path root, StartPage start, const LocalLimits& limits)
    : m_root(std::move(root)), m_limits(limits), m_start_note(std::move(start.reason)) {
  enqueue(start.key, 0, "start");
}

void DirSource::enqueue(const std::string& key, int depth, const std::string& via) {
  if (m_stopped || key.empty() || !m_seen.insert(key).second) return;
  m_queue.push_back(Item{key, depth, via});
}

std::string DirSource::key_of(std::string_view resolved_url) const {
  if (!resolved_url.starts_with("file:///")) return std::string(resolved_url);
  std::string_view rest = resolved_url.substr(8);
  if (const auto q = rest.find_first_of("?#"); q != std::string_view::npos) rest = rest.substr(0, q);
  std::string key = util::percent_decode(rest);
  if (key.empty() || key.back() == '/') return key + "index.html";
  {
    std::lock_guard lock(m_key_mutex);
    if (auto it = m_key_memo.find(key); it != m_key_memo.end()) return it->second;
  }
  std::string result = file_key(key);
  std::lock_guard lock(m_key_mutex);
  if (m_key_memo.size() >= 100000) m_key_memo.clear();  // bounded; the file system does not change
  m_key_memo.emplace(std::move(key), result);
  return result;
}

std::string DirSource::file_key(const std::string& key) const {
  std::error_code ec;
  if (fs::is_directory(m_root / key, ec)) return key + "/index.html";
  // Static hosts serve "about" from about.html ("pretty URLs"): so does the folder source.
  if (!fs::exists(m_root / key, ec) && key.find('.', key.rfind('/') == std::string::npos ? 0 : key.rfind('/')) == std::string::npos &&
      fs::is_regular_file(m_root / (key + ".html"), ec))
    return key + ".html";
  return key;
}

void DirSource::add_links(const RawPage& from, const std::vector<model::RawLink>& links) {
  const int depth = from.depth < 0 ? -1 : from.depth + 1;  // pages under an unlinked page stay unlinked
  for (const auto& l : links) {
    // Keys of other hosts and schemes keep their "scheme:": recorded, not read.
    if (l.target.find(':') != std::string::npos) continue;
    if (!looks_like_page_path(l.target)) continue;  // images, PDFs, styles
    if (depth > m_limits.max_depth) continue;
    enqueue(l.target, depth, (l.flags & model::k_link_refresh) ? "redirect" : "link");
  }
}

std::vector<RawPage> DirSource::poll(std::chrono::milliseconds wait) {
  std::vector<RawPage> out;
  if (m_queue.empty() && !m_listed && m_links_pending) {
    // The links of pages still being parsed decide what is linked: wait for one to finish.
    std::unique_lock lock(m_wake_mutex);
    m_wake.wait_for(lock, wait, [this] { return m_woken; });
    m_woken = false;
    return out;
  }
  if (auto p = next()) out.push_back(std::move(*p));
  return out;
}

void DirSource::wakeup() {
  {
    std::lock_guard lock(m_wake_mutex);
    m_woken = true;
  }
  m_wake.notify_one();
}

// Files a visitor could open by URL but no link leads to. Hidden folders and node_modules are
// skipped, symlinked folders are not followed, and the walk stops after 100,000 entries.
void DirSource::list_unlinked_pages() {
  m_listed = true;
  if (m_stopped || !m_limits.list_folder) return;
  constexpr size_t k_max_entries = 100000;
  std::vector<std::string> keys;
  std::error_code ec;
  size_t entries = 0;
  for (auto it = fs::recursive_directory_iterator(m_root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (++entries > k_max_entries) break;
    const auto name = it->path().filename().string();
    std::error_code e2;
    if (it->is_directory(e2)) {
      if (name.starts_with('.') || name == "node_modules") it.disable_recursion_pending();
      continue;
    }
    const auto dot = name.rfind('.');
    if (dot == std::string::npos) continue;
    const auto ext = util::to_lower_ascii(std::string_view(name).substr(dot + 1));
    if (ext != "html" && ext != "htm" && ext != "xhtml") continue;
    if (!it->is_regular_file(e2)) continue;
    auto key = fs::relative(it->path(), m_root, e2).generic_string();
    if (!e2 && !m_seen.contains(key)) keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());  // the same order on every machine
  for (auto& k : keys) enqueue(k, -1, "folder");
  m_unlinked = keys.size();
}

std::optional<RawPage> DirSource::next() {
  if (m_queue.empty() && !m_listed) list_unlinked_pages();
  while (!m_queue.empty()) {
    Item item = std::move(m_queue.front());
    m_queue.pop_front();
    if (m_read >= m_limits.max_pages) {
      m_skipped = m_queue.size() + 1;
      m_listed = true;
      m_queue.clear();
      return std::nullopt;
    }
    const auto t0 = std::chrono::steady_clock::now();
    RawPage p;
    p.url = item.key;
    p.final_url = item.key;
    p.base_url = file_url(item.key);
    p.depth = item.depth;
    p.via = item.via;
    p.start = item.via == "start";
    ++m_read;

    const fs::path path = m_root / item.key;
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(path, ec);
    if (ec || !is_inside(m_root, real)) {
      p.error = {"error/outside-folder"};
      p.status = 0;
      return p;
    }
    if (!fs::exists(real, ec)) {
      p.status = 404;
      p.error = {"error/not-found"};
      p.fetch_ms = ms_since(t0);
      return p;
    }
    if (!fs::is_regular_file(real, ec)) {
      p.status = 0;
      p.error = {"error/not-regular"};
      return p;
    }
    if (read_into(p, real, m_limits.max_bytes, t0)) {
      p.is_html = sniff_html(p.body);
      p.content_type = p.is_html ? "text/html" : "application/octet-stream";
    }
    return p;
  }
  return std::nullopt;
}

SiteFetchInfo DirSource::info() const {
  SiteFetchInfo info;
  if (!m_start_note.empty()) info.notes.push_back(m_start_note);
  if (m_skipped > 0) info.notes.push_back({"note/page-limit-folder", {{"limit", m_limits.max_pages}, {"count", m_skipped}}});
  if (m_unlinked > 0) info.notes.push_back({"note/unlinked-pages", {{"count", m_unlinked}}});
  return info;
}

// ---- FileSource ------------------------------------------------------------------------------

std::expected<std::unique_ptr<FileSource>, std::string> FileSource::open(const fs::path& file,
                                                                         const LocalLimits& limits) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::unexpected(file.string() + ": no such file or folder");
  if (!fs::is_regular_file(file, ec)) return std::unexpected(file.string() + ": not a regular file");
  if (auto why = not_a_page(file)) return std::unexpected(file.string() + ": " + *why);
  return std::unique_ptr<FileSource>(new FileSource(file, limits));
}

std::string FileSource::key_of(std::string_view resolved_url) const {
  if (!resolved_url.starts_with("file:///")) return std::string(resolved_url);
  return util::percent_decode(resolved_url.substr(8));
}

std::vector<RawPage> FileSource::poll(std::chrono::milliseconds) {
  std::vector<RawPage> out;
  if (auto p = next()) out.push_back(std::move(*p));
  return out;
}

std::optional<RawPage> FileSource::next() {
  if (m_done) return std::nullopt;
  m_done = true;
  const auto t0 = std::chrono::steady_clock::now();
  RawPage p;
  p.url = m_file.filename().string();
  p.final_url = p.url;
  p.base_url = file_url(p.url);
  p.via = "start";
  p.start = true;
  if (read_into(p, m_file, m_limits.max_bytes, t0)) {
    p.is_html = true;  // the user named it: read it as HTML whatever it holds
    p.content_type = "text/html";
  }
  return p;
}

void DirSource::finished() {
  std::deque<Item>().swap(m_queue);
  std::unordered_set<std::string>().swap(m_seen);
  std::lock_guard lock(m_key_mutex);
  std::unordered_map<std::string, std::string>().swap(m_key_memo);
}

}  // namespace amable::fetch
