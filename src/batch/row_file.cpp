#include "batch/row_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

namespace amable::batch {
namespace fs = std::filesystem;

std::expected<ReadCounts, std::string> read_rows(const fs::path& path, const std::function<void(const std::string&)>& row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(path.string() + ": cannot be read (" + std::strerror(errno) + ")");
  ReadCounts c;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const bool complete = !in.eof();  // the last line of a killed run has no newline
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!complete || j.is_discarded() || !j.is_object() || !j.contains("key")) {
      ++c.bad;
      continue;
    }
    ++c.rows;
    row(line);
  }
  return c;
}

std::expected<RowFile, std::string> RowFile::open(const fs::path& path) {
  RowFile f;
  f.m_path = path;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    // Cut what follows the last newline: half a row from a run that was killed mid-write.
    const auto size = fs::file_size(path, ec);
    if (ec) return std::unexpected(path.string() + ": " + ec.message());
    std::ifstream in(path, std::ios::binary);
    std::ostringstream whole;
    whole << in.rdbuf();
    const std::string all = whole.str();
    const size_t keep = all.empty() ? 0 : all.rfind('\n') == std::string::npos ? 0 : all.rfind('\n') + 1;
    if (keep < size) {
      f.m_torn = size - keep;
      fs::resize_file(path, keep, ec);
      if (ec) return std::unexpected(path.string() + ": cannot cut its torn last line: " + ec.message());
    }
    auto counted = read_rows(path, [&](const std::string& line) {
      f.m_done.insert(nlohmann::json::parse(line)["key"].get<std::string>());
    });
    if (!counted) return std::unexpected(counted.error());
  }
  f.m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (f.m_fd < 0) return std::unexpected(path.string() + ": cannot be written (" + std::strerror(errno) + ")");
  return f;
}

RowFile::RowFile(RowFile&& o) noexcept : m_path(std::move(o.m_path)), m_fd(o.m_fd), m_done(std::move(o.m_done)), m_torn(o.m_torn) { o.m_fd = -1; }

RowFile::~RowFile() {
  if (m_fd >= 0) ::close(m_fd);
}

std::expected<void, std::string> RowFile::append(const std::string& json_line) {
  const std::string line = json_line + "\n";
  std::lock_guard lock(m_mutex);
  // One write of the whole line (O_APPEND): a reader or a restart sees it whole or not at all.
  size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(m_fd, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::unexpected(m_path.string() + ": cannot be written (" + std::strerror(errno) + ")");
    done += static_cast<size_t>(n);
  }
  if (::fdatasync(m_fd) != 0 && errno != EINVAL) return std::unexpected(m_path.string() + ": cannot be flushed (" + std::strerror(errno) + ")");
  return {};
}

}  // namespace amable::batch
