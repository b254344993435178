#pragma once
// SHA-256 (FIPS 180-4), used for hashed record ids and content hashes.
// Self-contained: convstat does not link OpenSSL.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace convstat::core {

// Incremental SHA-256: update() any number of times, then hex_digest() once.
class Sha256 {
public:
  Sha256();
  void update(std::string_view data);
  // The digest of everything passed to update(); the hasher must not be used afterwards.
  std::array<std::uint8_t, 32> digest();
  // digest() as 64 lower-case hex characters.
  std::string hex_digest();

private:
  void compress(const std::uint8_t* block);
  std::array<std::uint32_t, 8> m_state;
  std::array<std::uint8_t, 64> m_block{};
  std::size_t m_block_used = 0;
  std::uint64_t m_total_bytes = 0;
};

// Whether this CPU has the x86-64 SHA extensions; when it does, Sha256 uses
// them (about 5x faster per block) unless use_hardware_sha256(false) turned
// them off - tests compare the two paths. Digests are identical either way.
bool hardware_sha256_available();
void use_hardware_sha256(bool on);
bool hardware_sha256_in_use();

// Hex SHA-256 of `data` (64 lower-case hex characters).
std::string sha256_hex(std::string_view data);

}  // namespace convstat::core
