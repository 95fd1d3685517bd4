#pragma once
// Which page of a built site on disk is its home page. A site may start at index.html, but
// also at index.php, index.htm, home.html, default.htm (the DirectoryIndex defaults of Apache,
// nginx and IIS, plus the usual names of a home page), or be a bag of pages: then the page that
// most other pages link to is the home page (the logo and "Home" links of every page).
#include <expected>
#include <filesystem>
#include <string>

#include "model/messages.hpp"

namespace amable::fetch {

struct StartPage {
  std::string key;     // path relative to the folder
  model::Message reason;  // empty for index.html; otherwise how it was chosen, for the report's notes
};

// Refused (with a message naming the folder) when the folder holds no web page at all.
std::expected<StartPage, std::string> choose_start_page(const std::filesystem::path& root);

}  // namespace amable::fetch
