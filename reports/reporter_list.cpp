// The registration point of report formats, one line each.
#include "reports/writer.hpp"

#include "util/text.hpp"

namespace amable::reports {

const std::vector<Writer>& writers() {
  static const std::vector<Writer> list = {
      {"text", {".txt"}, &write_text},
      {"json", {".json"}, &write_json},
  };
  return list;
}

const Writer* find_writer(std::string_view name) {
  for (const auto& w : writers())
    if (w.name == name) return &w;
  return nullptr;
}

const Writer* writer_for_path(std::string_view path) {
  for (const auto& w : writers())
    for (const auto& ext : w.extensions)
      if (util::iends_with(path, ext)) return &w;
  return nullptr;
}

std::vector<std::string> writer_names() {
  std::vector<std::string> names;
  for (const auto& w : writers()) names.push_back(w.name);
  return names;
}

}  // namespace amable::reports
