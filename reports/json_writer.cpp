// JSON: the canonical form (SPEC.md, reports/schema/report.schema.json). nlohmann escapes
// every string, so site content cannot break the document. The pages, most of a large
// report, are serialised one at a time into the text instead of as one JSON tree (a 10,000-
// page report would hold both); the bytes are those of dumping the whole tree.
#include "model/report_json.hpp"
#include "reports/writer.hpp"

namespace amable::reports {
namespace {

// Invalid UTF-8 cannot reach here (the parser repairs it), but replace rather than throw.
std::string dump(const nlohmann::ordered_json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

// `text` (dumped at indent 0) as it appears nested `levels` deep with an indent of 2.
void append_indented(std::string& out, const std::string& text, size_t levels) {
  const std::string pad(2 * levels, ' ');
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
}

}  // namespace

std::string write_json(const model::Report& r, const WriteOptions&) {
  const std::string head = dump(model::to_json_without_pages(r));
  static constexpr std::string_view k_empty_pages = "\n  \"pages\": [],\n";
  const size_t at = head.find(k_empty_pages);
  if (r.pages.empty() || at == std::string::npos) return head + "\n";
  std::string out;
  out.reserve(head.size() + r.pages.size() * 512);
  out.append(head, 0, at);
  out += "\n  \"pages\": [";
  for (size_t i = 0; i < r.pages.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    append_indented(out, dump(model::page_to_json(r.pages[i])), 2);
  }
  out += "\n  ],\n";
  out.append(head, at + k_empty_pages.size());
  out += "\n";
  return out;
}

}  // namespace amable::reports
