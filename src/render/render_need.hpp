#pragma once
// Which pages need a browser (`--render auto`), decided from the raw parse alone: a page that
// scripts assemble (an empty app root, <noscript> asking for JavaScript, include attributes,
// an empty header, footer or nav while scripts run, almost no text) needs one for sure; a page
// with no contact channel at all whose inline script writes markup may. The renderer stops
// rendering a site when a sample of renders adds nothing (RenderBudget).
#include <optional>
#include <string>
#include <string_view>

#include "model/facts.hpp"

namespace amable::render {

enum class Mode { never, automatic, always };
std::optional<Mode> mode_from(std::string_view name);  // "never", "auto", "always"
std::string_view to_string(Mode m);

struct Need {
  std::string reason;  // "app-root", "noscript", "includes", "empty-chrome", "little-text", "no-contact", "always"
  bool strong = false; // the raw HTML cannot be judged without a browser
};

// Why this page should be rendered under `mode`, or nothing.
std::optional<Need> render_need(const model::PageFacts& raw, Mode mode);

// What rendering gained over the raw HTML: more text, links or contact facts.
bool render_gained(const model::PageFacts& raw, const model::PageFacts& rendered);

// The site's render budget: at most `max_pages` renders, and none after `sample` renders in a
// row added nothing.
class RenderBudget {
 public:
  RenderBudget(size_t max_pages, size_t sample = 5) : m_max(max_pages), m_sample(sample) {}
  bool allows() const { return m_started < m_max && !stopped(); }
  void started() { ++m_started; }
  void finished(bool gained) { gained ? (m_barren = 0, ++m_gains) : ++m_barren; }
  bool stopped() const { return m_gains == 0 && m_barren >= m_sample; }
  size_t started_count() const { return m_started; }
  bool exhausted() const { return m_started >= m_max; }

 private:
  size_t m_max, m_sample, m_started = 0, m_barren = 0, m_gains = 0;
};

}  // namespace amable::render
