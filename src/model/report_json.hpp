#pragma once
// Report <-> JSON (schema_version 1, reports/schema/report.schema.json).
#include <expected>
#include <string>

#include <nlohmann/json.hpp>

#include "model/report.hpp"

namespace amable::model {

nlohmann::ordered_json to_json(const Report& r);
// Reads a saved report back; the error names what was wrong.
std::expected<Report, std::string> report_from_json(const nlohmann::json& j);

}  // namespace amable::model
