#pragma once
// Recognising a person's name in running text: a listed given name (rules/lexicon/any/
// given-names.txt, of many cultures) or any capitalised words after an honorific ("Mr. Umesh
// Aggarwal", "Sra. Gómez"), extended over surnames, initials, particles ("de la") and couples
// ("Chuck & Sandie Klassen"). Whether a name is a contact is decided by its context
// (site/people.cpp); this file only finds names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokens.hpp"

namespace amable::site {

struct NameSpan {
  size_t first = 0, last = 0;  // tokens of the name, honorific excluded
  bool known = false;          // starts with a listed given name
  bool titled = false;         // an honorific stands right before it
  bool couple = false;         // two given names sharing a surname
  bool surname() const { return last > first; }
};

// Is the word a listed given name? Case and accents are ignored.
bool is_given_name(std::string_view word);
// Is the folded token an honorific ("mr", "sra", "dr")?
bool is_honorific(std::string_view folded);

// Names in `t`: each starts with a capitalised listed given name or follows a capitalised
// honorific. `lang` picks the function words that end a name ("Ana The..." stops at "The").
std::vector<NameSpan> names_in(const text::Tokens& t, std::string_view lang);

// The name a self-introduction gives at token `at` ("I'm Christy.", "Soy July, la creadora"):
// a listed name, or one capitalised word no list knows that is not a function word, followed by
// punctuation, the end, a conjunction or a capitalised surname. `title_case` blocks (every word
// capitalised, as in headings) give no unknown names.
std::optional<NameSpan> introduced_name(const text::Tokens& t, size_t at, std::string_view lang, bool title_case);

// The text of a name as written.
std::string name_text(const text::Tokens& t, const NameSpan& n);

// Source text between tokens `a` and `b` (a < b): the punctuation and spaces between them.
std::string_view gap(const text::Tokens& t, size_t a, size_t b);

// Is every word of `t` that starts with a letter capitalised? (Headings in title case.)
bool title_case(const text::Tokens& t);

// Is the folded word a function word of `lang` (any language when unknown)?
bool is_function_word(std::string_view folded, std::string_view lang);

}  // namespace amable::site
