#include <catch2/catch.hpp>

#include <string>

#include "core/util/sha256.hpp"

using convstat::core::Sha256;
using convstat::core::sha256_hex;
namespace core = convstat::core;

namespace {

// Turns the SHA extensions on or off for one scope, then back to the default.
struct HardwareSha256 {
  explicit HardwareSha256(bool on) { core::use_hardware_sha256(on); }
  ~HardwareSha256() { core::use_hardware_sha256(true); }
};

}  // namespace

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[import][sha256]") {
  const bool hardware = GENERATE(false, true);
  HardwareSha256 mode(hardware);
  INFO("SHA extensions in use: " << core::hardware_sha256_in_use());
  CHECK(core::hardware_sha256_in_use() == (hardware && core::hardware_sha256_available()));
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 gives the same digest however the input is split", "[import][sha256]") {
  const std::string text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq-and-some-more-bytes-to-cross-blocks";
  for (size_t split = 0; split <= text.size(); split += 7) {
    Sha256 hasher;
    hasher.update(std::string_view(text).substr(0, split));
    hasher.update(std::string_view(text).substr(split));
    CHECK(hasher.hex_digest() == sha256_hex(text));
  }
}

TEST_CASE("sha256: the SHA extensions and the portable code give the same digests", "[import][sha256]") {
  if (!core::hardware_sha256_available()) {
    WARN("this CPU has no SHA extensions: only the portable code runs");
    return;
  }
  std::string text;
  std::uint32_t seed = 12345;
  for (std::size_t length = 0; length <= 600; ++length) {
    std::string portable, hardware;
    {
      HardwareSha256 mode(false);
      portable = sha256_hex(text);
    }
    {
      HardwareSha256 mode(true);
      hardware = sha256_hex(text);
    }
    REQUIRE(portable == hardware);
    seed = seed * 1664525u + 1013904223u;
    text.push_back(static_cast<char>(seed >> 24));
  }
}
