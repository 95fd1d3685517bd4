#include "fetch/curl_setup.hpp"

#include <algorithm>
#include <mutex>

namespace amable::fetch {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

void set_request_options(CURL* e, const HttpOptions& o) {
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // gzip, deflate, br, zstd as built
  curl_easy_setopt(e, CURLOPT_USERAGENT, o.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout_s * 1000));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(o.timeout_s, 10.0) * 1000));
  if (o.insecure) {
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (!o.ca_file.empty()) {
    // CAINFO alone would replace the system's authorities; with OpenSSL, CAPATH keeps them, so
    // the file is trusted in addition (help-desk hosts stay verifiable).
    curl_easy_setopt(e, CURLOPT_CAINFO, o.ca_file.c_str());
    curl_easy_setopt(e, CURLOPT_CAPATH, "/etc/ssl/certs");
  }
}

curl_slist* set_start_host_identity(CURL* e, const HttpOptions& o) {
  curl_slist* headers = nullptr;
  for (const auto& h : o.headers) headers = curl_slist_append(headers, h.c_str());
  if (headers) curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
  if (!o.user.empty()) {
    curl_easy_setopt(e, CURLOPT_USERPWD, o.user.c_str());
    curl_easy_setopt(e, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  }
  if (!o.cookie.empty()) curl_easy_setopt(e, CURLOPT_COOKIE, o.cookie.c_str());
  return headers;
}

}  // namespace amable::fetch
