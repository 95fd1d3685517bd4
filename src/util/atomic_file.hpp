#pragma once
// Report files are written to a temporary file beside the target and renamed into place, so a
// reader never sees half a report and a failed write leaves nothing behind.
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

namespace amable::util {

std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Whether a report could be written at `path` (its folder exists and takes a new file): asked
// before an audit, so that a typo in -o does not cost a crawl. The error names the path.
std::expected<void, std::string> check_writable(const std::filesystem::path& path);

}  // namespace amable::util
