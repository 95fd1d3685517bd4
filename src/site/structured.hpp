#pragma once
// schema.org structured data of a page (JSON-LD and microdata), reduced to the fields rules
// use (RULES.md §0.4). It proves that information exists, not that a visitor sees it.
#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

model::StructuredFacts structured_facts(const model::Page& page);

}  // namespace amable::site
