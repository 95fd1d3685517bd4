#include "render/render_need.hpp"

namespace amable::render {

std::optional<Mode> mode_from(std::string_view name) {
  if (name == "never") return Mode::never;
  if (name == "auto") return Mode::automatic;
  if (name == "always") return Mode::always;
  return std::nullopt;
}

std::string_view to_string(Mode m) {
  switch (m) {
    case Mode::never: return "never";
    case Mode::automatic: return "auto";
    case Mode::always: return "always";
  }
  return "auto";
}

std::optional<Need> render_need(const model::PageFacts& f, Mode mode) {
  if (mode == Mode::never) return std::nullopt;
  if (mode == Mode::always) return Need{"always", true};
  const auto& s = f.script;
  if (s.scripts == 0) return std::nullopt;  // nothing can change the page
  if (s.app_root) return Need{"app-root", true};
  if (s.noscript_js) return Need{"noscript", true};
  if (s.includes) return Need{"includes", true};
  if (s.empty_chrome) return Need{"empty-chrome", true};
  if (s.text_chars < 200) return Need{"little-text", true};
  // No way to reach the shop on the page, and a script of its own writes markup: the channels
  // may come from it.
  const bool contact = !f.emails.empty() || !f.phones.empty() || f.contact.contact_link || f.contact.channel_in_chrome ||
                       f.contact_form || f.chat_widget;
  if (!contact && s.injects) return Need{"no-contact", false};
  return std::nullopt;
}

bool render_gained(const model::PageFacts& raw, const model::PageFacts& rendered) {
  return rendered.words > raw.words + raw.words / 5 + 20 || rendered.links.size() > raw.links.size() + 2 ||
         rendered.emails.size() > raw.emails.size() || rendered.phones.size() > raw.phones.size() ||
         (rendered.contact.contact_link && !raw.contact.contact_link);
}

}  // namespace amable::render
