#pragma once
// Report <-> JSON (schema_version 1, reports/schema/report.schema.json).
#include <expected>
#include <string>

#include <nlohmann/json.hpp>

#include "model/report.hpp"

namespace amable::model {

nlohmann::ordered_json to_json(const Report& r);
// The same without the pages (an empty "pages" array in its place), and one page: a writer
// can serialise a large report page by page instead of holding it all as one JSON tree.
nlohmann::ordered_json to_json_without_pages(const Report& r);
nlohmann::ordered_json page_to_json(const PageReport& p);
// Reads a saved report back; the error names what was wrong.
std::expected<Report, std::string> report_from_json(const nlohmann::json& j);

}  // namespace amable::model
