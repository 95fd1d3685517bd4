#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace amable::util {

namespace {

// A new, empty temporary file beside `path` (so that rename stays on one file system); its
// name goes to `name`. Returns the descriptor, or -1 with errno set.
int make_temporary_beside(const std::filesystem::path& path, std::string& name) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  name = (dir / ("." + path.filename().string() + ".tmp.XXXXXX")).string();
  return mkstemp(name.data());
}

std::unexpected<std::string> cannot_write(const std::filesystem::path& path, int err) {
  return std::unexpected(path.string() + ": cannot write (" + std::strerror(err) + ")");
}

}  // namespace

std::expected<void, std::string> check_writable(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::unexpected(path.string() + ": is a folder, not a file");
  std::string tmpl;
  const int fd = make_temporary_beside(path, tmpl);
  if (fd < 0) return cannot_write(path, errno);
  ::close(fd);
  ::unlink(tmpl.c_str());
  return {};
}

std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  std::string tmpl;
  const int fd = make_temporary_beside(path, tmpl);
  if (fd < 0) return cannot_write(path, errno);
  auto fail = [&](int err) -> std::expected<void, std::string> {
    ::close(fd);
    ::unlink(tmpl.c_str());
    return cannot_write(path, err);
  };
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail(errno);
  // mkstemp creates 0600; a report is an ordinary file, subject to the user's umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    return cannot_write(path, err);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    return cannot_write(path, err);
  }
  return {};
}

}  // namespace amable::util
