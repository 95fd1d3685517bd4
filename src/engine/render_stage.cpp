#include "engine/render_stage.hpp"

#include <cmath>

#include "render/browser_process.hpp"

namespace amable::engine {

RenderStage::RenderStage(const RenderSettings& s, fetch::Source& source, std::function<void()> wake)
    : m_source(source), m_wake(std::move(wake)), m_budget(static_cast<size_t>(s.max_pages.value_or(200))) {
  if (s.mode) m_mode = render::mode_from(*s.mode).value_or(render::Mode::automatic);
  m_options.browser = s.browser.value_or("");
  m_options.tabs = s.tabs.value_or(2);
  m_options.timeout_s = s.timeout_s.value_or(10);
}

RenderStage::~RenderStage() = default;

bool RenderStage::ensure_renderer() {
  if (m_renderer) return !m_renderer->broken();
  if (m_tried) return false;
  m_tried = true;
  const std::string browser = render::find_browser(m_options.browser);
  if (browser.empty()) {
    m_unavailable = m_options.browser.empty() ? model::Message{"note/render-no-browser"}
                                              : model::Message{"note/render-browser-missing", {{"browser", m_options.browser}}};
    return false;
  }
  auto resources = m_source.resources();
  if (!resources) {
    m_unavailable = {"note/render-unavailable", {{"reason", model::Message{"error/render-no-resources"}.nested()}}};
    return false;
  }
  render::RenderOptions o = m_options;
  o.browser = browser;
  auto r = render::Renderer::start(o, std::move(resources), m_wake);
  if (!r) {
    m_unavailable = {"note/render-unavailable", {{"reason", r.error().nested()}}};
    return false;
  }
  m_renderer = std::move(*r);
  return true;
}

bool RenderStage::take(fetch::RawPage& raw, model::PageFacts& raw_facts, const render::Need& need) {
  ++m_needed;
  if (m_abandoned) return false;
  if (!m_budget.allows()) {
    ++m_skipped;
    return false;
  }
  if (!ensure_renderer()) return false;
  m_budget.started();
  const uint64_t ticket = ++m_next_ticket;
  render::RenderJob job;
  job.ticket = ticket;
  job.url = m_renderer->resources().browser_url(raw.url);
  job.body = std::move(raw.body);
  job.content_type = raw.content_type;
  raw.body.clear();
  m_pending.emplace(ticket, Pending{std::move(raw), std::move(raw_facts), need.reason});
  m_renderer->submit(std::move(job));
  return true;
}

std::vector<RenderStage::Done> RenderStage::take_ready() {
  std::vector<Done> out;
  if (!m_renderer) return out;
  for (auto& r : m_renderer->take_ready()) {
    auto it = m_pending.find(r.ticket);
    if (it == m_pending.end()) continue;
    Done d{std::move(it->second.raw), std::move(it->second.raw_facts), std::move(it->second.reason), false};
    m_pending.erase(it);
    if (!r.navigated_to.empty()) {
      // A script redirect (an entry page's location.href): what the HTML says stands, and the
      // target is followed like a meta refresh's.
      d.fall_back = true;
      ++m_moved;
      if (auto key = m_renderer->resources().page_key(r.navigated_to); !key.empty()) {
        model::RawLink link;
        link.target = std::move(key);
        link.flags = model::k_link_refresh;
        d.raw_facts.links.push_back(std::move(link));
      }
    } else if (r.browser_failed) {
      d.fall_back = true;  // not the page's fault: its raw facts stand
      if (m_unavailable.empty()) m_unavailable = {"note/render-unavailable", {{"reason", r.error.nested()}}};
    } else if (!r.error.empty()) {
      // An endless script, a crashed tab: the page's own fault, but what its HTML says still
      // stands; the page's note tells why it was not rendered.
      ++m_failed;
      d.fall_back = true;
      if (d.raw.note.empty()) d.raw.note = {"note/render-page-failed", {{"reason", r.error.nested()}}};
    } else {
      d.raw.body = std::move(r.html);
      ++m_reasons[d.reason];
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::string RenderStage::advice() const {
  if (m_mode == render::Mode::never) return "advice/render-auto";
  if (m_unavailable.code == "note/render-no-browser") return "advice/render-install";
  if (!m_unavailable.empty()) return "advice/render-browser";
  if (m_abandoned) return "advice/render-again";
  if (m_skipped > 0 && !m_budget.stopped()) return "advice/render-limit";
  if (m_failed > 0) return "advice/render-failed";
  return "advice/render-always";
}

std::vector<RenderStage::Done> RenderStage::abandon() {
  m_abandoned = true;
  std::vector<Done> out;
  for (auto& [ticket, p] : m_pending) out.push_back({std::move(p.raw), std::move(p.raw_facts), std::move(p.reason), true});
  m_pending.clear();
  if (m_renderer) {
    m_stats_at_stop = m_renderer->stats();
    m_renderer.reset();  // closes the browser and its tabs, endless scripts included
  }
  return out;
}

std::vector<model::Message> RenderStage::notes() const {
  std::vector<model::Message> out;
  if (m_needed == 0) return out;
  if (!m_unavailable.empty()) out.push_back(m_unavailable);
  if (m_renderer || m_abandoned) {
    const auto s = m_renderer ? m_renderer->stats() : m_stats_at_stop;
    size_t rendered = 0;
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& [reason, n] : m_reasons) {
      rendered += n;
      reasons.push_back(model::Message{"render-reason/" + reason, {{"count", n}}}.nested());
    }
    if (rendered > 0)
      out.push_back({"note/rendered",
                     {{"count", rendered},
                      {"reasons", reasons},
                      {"seconds", std::round(s.busy_ms / 100.0) / 10.0},
                      {"cpu", std::round(s.cpu_s * 10.0) / 10.0},
                      {"refused", s.refused}}});
    if (m_failed > 0) out.push_back({"note/render-failed", {{"count", m_failed}}});
    if (m_moved > 0) out.push_back({"note/render-moved", {{"count", m_moved}}});
  }
  if (m_budget.stopped()) out.push_back({"note/render-stopped", {{"count", m_budget.started_count()}}});
  else if (m_skipped > 0 && m_budget.exhausted()) out.push_back({"note/render-limit", {{"count", m_skipped}, {"limit", m_budget.started_count()}}});
  return out;
}

}  // namespace amable::engine
