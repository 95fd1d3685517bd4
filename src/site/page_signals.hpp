#pragma once
// Structural signals of one page for R6 (contact access), R10 (privacy), R11 (security),
// R13 (purpose) and R16 (self-service).
#include <string_view>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

model::ContactAccess find_contact_access(const model::Page& page, std::string_view lang, bool chat_widget);
model::PrivacyFacts find_privacy(const model::Page& page, std::string_view lang);
model::SecurityFacts find_security(const model::Page& page);
// `script_search_vendor`: a site-search service's script on the page (ScriptScan), or "".
model::SelfServiceFacts find_self_service(const model::Page& page, std::string_view lang,
                                          const model::StructuredFacts& sd, bool chat_widget,
                                          std::string_view script_search_vendor = {});
// `start_page`: keep the navigation labels (the home page's value-proposition test uses them).
model::PurposeFacts find_purpose(const model::Page& page, std::string_view lang, const model::StructuredFacts& sd,
                                 bool start_page);

}  // namespace amable::site
