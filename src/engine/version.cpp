#include "engine/version.hpp"

#include <curl/curl.h>

namespace amable::engine {

std::string version_text() {
  const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
  return std::string("amable ") + AMABLE_VERSION + " (" + AMABLE_BUILD_TYPE + ")\n" +
         "libcurl " + (curl && curl->version ? curl->version : "unknown") + (curl && curl->ssl_version ? std::string(", ") + curl->ssl_version : "") +
         "\nGumbo " + AMABLE_GUMBO_VERSION + "\nlibphonenumber " + AMABLE_PHONENUMBER_VERSION;
}

}  // namespace amable::engine
