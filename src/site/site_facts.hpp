#pragma once
// Facts joined over the whole site, computed once when the Site is finished.
#include "model/site.hpp"

namespace amable::site {

void compute_site_facts(model::Site& site);

// Does the page's copy count for the visitor-centric measure (not legal or privacy text)?
bool copy_counts(const model::PageRecord& p);

// Distinct clarity items (window, conditions, costs, refund, process, exceptions) in `terms`.
size_t clarity_items(const std::vector<model::TermHit>& terms, bool window);

}  // namespace amable::site
