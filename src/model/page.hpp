#pragma once
// Page: what the parser keeps of one HTML document. Plain data, no Gumbo types; it lives only
// until the site model has taken its facts (see site/page_facts.hpp), then it is dropped.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/messages.hpp"

namespace amable::model {

// Where on the page something sits. Everything in <body> outside header/nav/footer/aside is
// `main`. Chrome (header, nav, footer) is where shops put contact and policy links.
enum class Region : uint8_t { main, header, nav, footer, aside };
std::string_view to_string(Region r);
inline bool is_chrome(Region r) {
  return r == Region::header || r == Region::nav || r == Region::footer;
}

// Whose words a block holds (README "Regions"). The layout region says where a block sits; the
// zone says who speaks there, and so whether a fact found in it is the shop's. The parser sets
// it from markup (site chrome, cookie dialogs, reviews, forms); site/regions.cpp refines it from
// the words (review and Q&A sections, credits, payment disclaimers, demo pages).
enum class Zone : uint8_t {
  main,          // the page's own content
  chrome,        // header, nav, footer: the frame repeated on every page
  consent,       // a cookie or consent dialog
  user_content,  // reviews, Q&A, comments, testimonials: the customers' words
  third_party,   // another company's text: payment and credit disclaimers, marketplace boxes
  credits,       // credits and bylines: "designed by", "photo:", cast and crew
  form,          // form labels, options and buttons
  demo,          // a demo or boilerplate page: font specimens, lorem ipsum, unfilled templates
  structured_data,  // JSON-LD and microdata the shop publishes for machines, not shown as such
};
std::string_view to_string(Zone z);
// The zones a detector accepts, as a bit set: zone_bit(Zone::main) | zone_bit(Zone::chrome).
using ZoneSet = uint16_t;
constexpr ZoneSet zone_bit(Zone z) { return static_cast<ZoneSet>(1u << static_cast<unsigned>(z)); }
constexpr bool in(ZoneSet set, Zone z) { return (set & zone_bit(z)) != 0; }
// Where the shop itself speaks: its content, its chrome, its consent dialog.
inline constexpr ZoneSet k_shop_zones = zone_bit(Zone::main) | zone_bit(Zone::chrome) | zone_bit(Zone::consent);
// The name a report gives a fact's region: the zone, with chrome split into header/nav/footer.
std::string_view region_name(Region r, Zone z);

// Context flags a text block inherits from its ancestors.
enum BlockFlag : uint16_t {
  k_block_heading = 1 << 0,     // h1-h6
  k_block_list_item = 1 << 1,   // li, dt, dd
  k_block_table_cell = 1 << 2,  // td, th
  k_block_quote = 1 << 3,       // blockquote, q, reviews and testimonials: the customer's voice
  k_block_cookie = 1 << 4,      // cookie/consent banners
  k_block_form = 1 << 5,        // inside a <form>
  k_block_address = 1 << 6,     // <address> or an adr/h-adr microformat
  k_block_control = 1 << 7,     // button, label
  k_block_in_main = 1 << 8,     // inside <main>, <article> or [role=main]
  k_block_link = 1 << 9,        // the block's text is all link text (menus, link lists)
  // Inside an element hidden with inline display:none: not visible text, but usually an
  // accordion or tab a click reveals ("Shipping & Returns"). Only a few detectors read it.
  k_block_collapsed = 1 << 10,
};

// The zone markup alone can tell: flags a block inherits and its layout region. Inside a form,
// labels, buttons and short field captions are the form's; a paragraph of help text is the
// shop speaking (`text_bytes`: the block's length, 0 for links and elements).
inline Zone markup_zone(uint16_t flags, Region region, size_t text_bytes = 0) {
  if (flags & k_block_cookie) return Zone::consent;
  if (flags & k_block_quote) return Zone::user_content;
  if ((flags & k_block_form) && ((flags & k_block_control) || text_bytes <= 60)) return Zone::form;
  if (is_chrome(region)) return Zone::chrome;
  return Zone::main;
}

struct Span {
  uint32_t begin = 0, end = 0;
};

// The visible text of one block-level element (p, li, td, h2, div with direct text...).
// Block ends are hard sentence boundaries; <br> becomes '\n'.
struct TextBlock {
  std::string text;
  std::string selector;  // CSS-like path a person can follow: "footer > div.contact > p"
  Region region = Region::main;
  Zone zone = Zone::main;
  uint8_t heading_level = 0;  // 1-6 for h1-h6
  uint16_t flags = 0;
  // Byte ranges of `text` that came from SKU, price or order-number elements: digits there are
  // never phone numbers.
  std::vector<Span> guarded;
  bool has(BlockFlag f) const { return (flags & f) != 0; }
  bool visible() const { return !has(k_block_collapsed); }
};

struct Heading {
  uint8_t level = 1;
  std::string text;  // falls back to the alt text of images inside the heading
  std::string selector;
  Region region = Region::main;
};

struct Link {
  std::string href;   // as written, cleaned of tabs and newlines
  std::string url;    // resolved absolute URL; the href itself for mailto:, tel:, javascript:;
                      // "" when it cannot be resolved
  std::string text;   // visible text, or the alt text of an image inside the link
  std::string label;  // aria-label or title
  std::string rel;    // rel attribute; "frame", "refresh" or "area" for those sources of links
  std::string selector;
  Region region = Region::main;
  bool hidden = false;     // inside a hidden element: followed by the crawler, not "visible"
  bool has_image = false;
  int16_t form = -1;       // index into Page::forms when inside a form
  uint16_t block_flags = 0;  // flags of the text block it sits in (quote, cookie...)
  Zone zone = Zone::main;    // markup_zone(block_flags, region); demo on a demo page
};

struct Attribute {
  std::string name, value;
};

// Media, embeds, frames, dialogs, and containers whose id/class suggest a popup, preloader,
// carousel, cookie banner or search box. Attribute values are capped.
struct Element {
  std::string tag;
  std::vector<Attribute> attrs;
  std::string selector;
  Region region = Region::main;
  bool hidden = false;
  bool little_text = false;  // holds under 200 bytes of text (a logo, a spinner, a movie)
  std::string_view attr(std::string_view name) const;
};

struct FormField {
  std::string tag;  // input, textarea, select, button
  std::string type, name, id, placeholder, autocomplete, label, value;
  std::vector<std::string> options;  // for <select>
};

struct Form {
  std::string action;  // resolved
  std::string method, id, cls, role, selector;
  Region region = Region::main;
  std::vector<FormField> fields;
  std::string text;  // visible text inside the form, capped
};

struct Image {
  std::string src;  // resolved
  std::string alt;
  Region region = Region::main;
  int width = 0, height = 0;  // from attributes; 0 when absent
  bool in_link = false;
};

struct Script {
  std::string src;      // resolved; "" for inline scripts
  std::string type;
  std::string content;  // inline scripts only, capped
};

struct HeadLink {
  std::string rel, href, type, hreflang;
};

// itemprop values of schema.org microdata.
struct MicrodataProp {
  std::string itemtype;  // of the nearest itemscope
  std::string prop;
  std::string value;     // content/href/src attribute, else the element's text (capped)
};

struct Page {
  std::string url;       // stable key: absolute URL, or a path relative to the audited folder
  std::string base_url;  // what relative links resolve against (after <base href>)

  // Decoding
  std::string encoding;         // charset the bytes were read as
  std::string encoding_source;  // "bom", "http", "meta", "detected", "default"
  bool had_invalid_bytes = false;

  // <head>
  std::string lang;              // <html lang>
  std::string content_language;  // <meta http-equiv=content-language>
  std::string title;
  std::string meta_description;
  std::string meta_refresh;  // content of <meta http-equiv=refresh>
  std::string meta_robots;
  std::string csp;           // <meta http-equiv=Content-Security-Policy>
  std::vector<Attribute> metas;  // other <meta name|property=...> (og:*, ...), capped
  std::vector<HeadLink> head_links;

  // <body>
  std::vector<Heading> headings;
  std::vector<TextBlock> blocks;
  std::vector<Link> links;
  std::vector<Form> forms;
  std::vector<Element> elements;
  std::vector<Image> images;
  std::vector<Script> scripts;
  std::vector<std::string> json_ld;
  std::vector<MicrodataProp> microdata;
  std::string styles;         // <style> contents, capped
  std::string noscript_text;  // visible text of <noscript>, capped

  // Shape
  size_t text_chars = 0;      // visible text, in bytes
  size_t element_count = 0;
  size_t max_depth = 0;
  bool empty_app_root = false;  // <div id="root|app|__next"> with no children: a JS-built page
  bool empty_chrome = false;    // an empty <header>, <footer> or <nav> (or chrome component) for a script to fill
  bool script_includes = false; // partials pulled in by include attributes (w3-include-html, hx-get on load...)
  struct Include {
    size_t at = 0;              // byte of the parsed UTF-8 text just after the element's start tag
    std::string src;            // the partial, as written
  };
  std::vector<Include> includes;  // where those partials go (parse/includes.hpp inlines them)
  size_t partials_inlined = 0;    // partials put in place before this parse
  bool fragment = false;        // no <html>, <body> or <title> of its own: a partial, not a page
  std::vector<Message> notes;  // limits hit while parsing (rules/messages/notes.json)

  std::string_view meta(std::string_view name) const;  // og:locale, og:site_name, ...
};

}  // namespace amable::model
