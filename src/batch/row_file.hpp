#pragma once
// A shard's JSON-lines file, restartable: each row is one complete line written with a single
// write() and flushed; on start a torn last line (a killed run) is cut off, and the keys already
// present are the shops not to audit again.
#include <expected>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <string>

namespace amable::batch {

class RowFile {
 public:
  // Opens (creating) `path` for appending after cutting a torn last line; the error names the file.
  static std::expected<RowFile, std::string> open(const std::filesystem::path& path);
  RowFile(RowFile&& other) noexcept;
  RowFile& operator=(RowFile&&) = delete;
  ~RowFile();

  const std::set<std::string>& done_keys() const { return m_done; }
  size_t torn() const { return m_torn; }  // bytes cut from a torn last line
  // Appends one row (no newline inside); thread-safe.
  std::expected<void, std::string> append(const std::string& json_line);

 private:
  RowFile() = default;
  std::filesystem::path m_path;
  int m_fd = -1;
  std::set<std::string> m_done;
  size_t m_torn = 0;
  std::mutex m_mutex;
};

// Reads JSON lines: calls `row` with each complete line that parses as an object; counts the
// ones that do not (torn or foreign lines). Streams: constant memory.
struct ReadCounts {
  size_t rows = 0, bad = 0;
};
std::expected<ReadCounts, std::string> read_rows(const std::filesystem::path& path,
                                                 const std::function<void(const std::string& line)>& row);

}  // namespace amable::batch
