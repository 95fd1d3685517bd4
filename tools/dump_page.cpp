// Developer tool: prints what amable reads of one HTML file, block by block (layout region,
// content region, flags, selector, text), then the page's people, phones, addresses and hours.
// Usage: build/amable_dump_page FILE [--lang es]
#include <fstream>
#include <iostream>
#include <sstream>

#include "parse/html_parser.hpp"
#include "site/page_facts.hpp"
#include "site/regions.hpp"

using namespace amable;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: amable_dump_page FILE [--lang CODE]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string html = ss.str();
  site::FactOptions opts;
  if (argc >= 4 && std::string(argv[2]) == "--lang") opts.forced_lang = argv[3];
  parse::ParseInput pi{argv[1], std::string("file:///") + argv[1], ""};
  model::Page page = parse::parse_page(html, pi);
  const auto facts = site::extract_facts(page, opts, true);
  for (const auto& b : page.blocks) {
    std::cout << "[" << model::to_string(b.region) << "/" << model::to_string(b.zone) << " f=" << b.flags
              << (b.heading_level ? " h" + std::to_string(b.heading_level) : std::string()) << "] " << b.selector
              << "\n    " << b.text << "\n";
  }
  std::cout << "\nlang " << facts.lang << " (declared " << facts.lang_declared << ", detected " << facts.lang_detected
            << ")  words " << facts.words << "\n";
  for (const auto& p : facts.people)
    std::cout << "person: " << p.name << " | role " << p.role << " | how " << p.how << " | " << p.where.snippet.str() << "\n";
  for (const auto& p : facts.phones)
    std::cout << "phone: " << p.value.str() << " " << p.e164.str() << " " << p.kind.str() << " | " << p.where.snippet.str() << "\n";
  for (const auto& a : facts.addresses) std::cout << "address: " << a.value.str() << " | " << a.where.snippet.str() << "\n";
  for (const auto& h : facts.hours) std::cout << "hours: " << h.value.str() << "\n";
  for (const auto& c : facts.clutter) std::cout << "clutter: " << c.kind << " | " << c.where.snippet.str() << "\n";
  std::cout << "copy: visitor " << facts.copy.visitor << " company " << facts.copy.company << " words " << facts.copy.words << "\n";
  return 0;
}
