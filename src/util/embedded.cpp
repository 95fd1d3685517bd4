#include "util/embedded.hpp"

namespace amable::embedded {

std::string_view find(const std::vector<File>& files, std::string_view path) {
  for (const auto& f : files)
    if (f.path == path) return f.content;
  return {};
}

}  // namespace amable::embedded
