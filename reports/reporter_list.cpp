// The registration point of report formats, one line each.
#include "reports/writer.hpp"

#include "util/text.hpp"

namespace amable::reports {

const std::vector<Writer>& writers() {
  static const std::vector<Writer> list = {
      {"text", {".txt"}, &write_text},
      {"json", {".json"}, &write_json},
      {"html", {".html", ".htm"}, &write_html},
      {"markdown", {".md", ".markdown"}, &write_markdown},
      {"sarif", {".sarif", ".sarif.json"}, &write_sarif},
      {"junit", {".junit.xml", ".xml"}, &write_junit},
  };
  return list;
}

const Writer* find_writer(std::string_view name) {
  for (const auto& w : writers())
    if (w.name == name) return &w;
  return nullptr;
}

// The longest matching extension wins: "a.sarif.json" is SARIF, "a.json" JSON.
const Writer* writer_for_path(std::string_view path) {
  const Writer* best = nullptr;
  size_t best_len = 0;
  for (const auto& w : writers())
    for (const auto& ext : w.extensions)
      if (ext.size() > best_len && util::iends_with(path, ext)) {
        best = &w;
        best_len = ext.size();
      }
  return best;
}

std::vector<std::string> writer_names() {
  std::vector<std::string> names;
  for (const auto& w : writers()) names.push_back(w.name);
  return names;
}

}  // namespace amable::reports
