#pragma once
// Data files compiled into the binary (see cmake/embed_files.cmake).
#include <string_view>
#include <vector>

namespace amable::embedded {

struct File {
  std::string_view path;     // relative to its folder, e.g. "es/return-policy.txt"
  std::string_view content;
};

const std::vector<File>& lexicons();   // rules/lexicon/<lang>/<name>.txt
const std::vector<File>& rule_docs();  // rules/docs/<rule-id>.md
const std::vector<File>& schemas();    // reports/schema/*.json
const std::vector<File>& messages();   // rules/messages/*.json: finding texts by code and language

// The content of `path` in `files`, or an empty view when absent.
std::string_view find(const std::vector<File>& files, std::string_view path);

}  // namespace amable::embedded
