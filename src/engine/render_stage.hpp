#pragma once
// Between the raw parse and the site: the pages that scripts assemble go through a browser
// (src/render/), started on the first page that needs one, so a static shop never starts it.
// What the report says of it: which pages were rendered and why, what it cost, and when it
// could not be done (no browser) or stopped (a sample of renders added nothing).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/config.hpp"
#include "fetch/source.hpp"
#include "model/facts.hpp"
#include "render/render_need.hpp"
#include "render/renderer.hpp"

namespace amable::engine {

class RenderStage {
 public:
  RenderStage(const RenderSettings& settings, fetch::Source& source, std::function<void()> wake);
  ~RenderStage();

  render::Mode mode() const { return m_mode; }
  // A page just parsed from its raw HTML that `need`s a browser: true when it was sent to one
  // (its body is taken; its record comes back from take_ready()), false when its raw facts stand.
  bool take(fetch::RawPage& raw, model::PageFacts& raw_facts, const render::Need& need);

  struct Done {
    fetch::RawPage raw;             // body: the rendered DOM, or error set
    model::PageFacts raw_facts;     // to tell what rendering added
    std::string reason;
    bool fall_back = false;         // the browser failed, not the page: keep the raw facts
  };
  std::vector<Done> take_ready();
  // Stops the browser (an interrupted audit): the pages in it come back with their raw facts,
  // and no page is sent to it again.
  std::vector<Done> abandon();
  size_t in_flight() const { return m_pending.size(); }
  // Whether a rendered page showed more than its raw HTML (the budget stops a barren site).
  void rendered(bool gained) { m_budget.finished(gained); }
  // Notes for the report: what was rendered, why, at what cost; or why nothing was.
  std::vector<model::Message> notes() const;
  // What to do so that pages left unrendered are read as visitors see them: a message code
  // ("advice/render-auto" under --render never, "advice/render-install" with no browser...).
  std::string advice() const;

 private:
  bool ensure_renderer();

  render::Mode m_mode = render::Mode::automatic;
  render::RenderOptions m_options;
  fetch::Source& m_source;
  std::function<void()> m_wake;
  std::unique_ptr<render::Renderer> m_renderer;
  bool m_tried = false;
  bool m_abandoned = false;
  render::RenderStats m_stats_at_stop;  // what the browser had done when it was stopped
  model::Message m_unavailable;     // why no browser could be used
  render::RenderBudget m_budget;
  struct Pending {
    fetch::RawPage raw;
    model::PageFacts raw_facts;
    std::string reason;
  };
  std::unordered_map<uint64_t, Pending> m_pending;
  uint64_t m_next_ticket = 0;
  size_t m_needed = 0, m_skipped = 0, m_failed = 0, m_moved = 0;
  std::map<std::string, size_t> m_reasons;  // rendered pages by reason
};

}  // namespace amable::engine
