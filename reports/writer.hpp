#pragma once
// Report writers: one function per format, chosen by name (-f) or by file extension (-o).
// A writer sees only the Report, escapes everything that came from the site for its format,
// keeps a stable order, and takes the clock from the report.
#include <string>
#include <string_view>
#include <vector>

#include "model/report.hpp"

namespace amable::reports {

struct WriteOptions {
  bool color = false;  // ANSI colours (text only): on a terminal, never with NO_COLOR
};

using WriteFn = std::string (*)(const model::Report&, const WriteOptions&);

struct Writer {
  std::string name;                     // "text", "json", ...
  std::vector<std::string> extensions;  // ".txt", ".json", ...
  WriteFn write = nullptr;
};

const std::vector<Writer>& writers();
const Writer* find_writer(std::string_view name);
const Writer* writer_for_path(std::string_view path);
std::vector<std::string> writer_names();

std::string write_text(const model::Report& r, const WriteOptions& o);
std::string write_json(const model::Report& r, const WriteOptions& o);
std::string write_markdown(const model::Report& r, const WriteOptions& o);
std::string write_html(const model::Report& r, const WriteOptions& o);
std::string write_sarif(const model::Report& r, const WriteOptions& o);
std::string write_junit(const model::Report& r, const WriteOptions& o);

}  // namespace amable::reports
