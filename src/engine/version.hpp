#pragma once
// What `amable --version` prints: amable's version and build type, and the versions of the
// libraries that decide what it reads (libcurl at run time; Gumbo and libphonenumber as built).
#include <string>

namespace amable::engine {

std::string version_text();

}  // namespace amable::engine
