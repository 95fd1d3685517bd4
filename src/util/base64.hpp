#pragma once
// Base64 (RFC 4648, with padding): DevTools takes response bodies in it. Twenty lines here
// rather than OpenSSL's EVP_EncodeBlock, which would make the core link libcrypto for this.
#include <string>
#include <string_view>

namespace amable::util {

std::string base64_encode(std::string_view bytes);

}  // namespace amable::util
