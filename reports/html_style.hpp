#pragma once
// The HTML report's look: its stylesheet and the colour of a score. Colours are chosen for WCAG
// AA: white text on every badge colour and the muted text on its backgrounds have a contrast of
// at least 4.5:1 (the browser test measures them).
#include <optional>
#include <string_view>

namespace amable::reports {

std::string_view html_css();

// The colour of a score's gauge and bar: green from 90, amber from 50, red below, grey for none.
std::string_view score_colour(std::optional<int> score);

}  // namespace amable::reports
