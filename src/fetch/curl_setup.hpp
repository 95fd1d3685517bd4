#pragma once
// What every amable request sets on its libcurl handle, the crawler's pages and the browser's
// intercepted requests alike, so that the two cannot drift apart.
#include <curl/curl.h>

#include "fetch/http_source.hpp"

namespace amable::fetch {

// curl_global_init, once per process, before the first handle (thread-safe).
void init_curl_once();

// http and https only; redirects never followed by libcurl (each hop is checked by hand, or
// asked again by the browser); every compression libcurl was built with; the user agent,
// timeouts and TLS trust of `o`.
void set_request_options(CURL* e, const HttpOptions& o);

// The identity of `o` (extra headers, basic authentication, cookie), for the start host only.
// Returns the header list the handle uses, to free after the transfer.
curl_slist* set_start_host_identity(CURL* e, const HttpOptions& o);

}  // namespace amable::fetch
