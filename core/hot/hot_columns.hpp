#pragma once
// The hot columns: a read-only, column-wise copy of what overview, sla,
// agents and insights read (conversations, csat with its conversation's
// assignee, the messages of email conversations), kept in a file beside the
// cache ("<cache>-hot") and memory-mapped. Strings are dictionary codes,
// instants are epoch ms (k_no_time when absent), conversations are ordered by
// (started_at, rid) so a range is a binary search and rows keep the order of
// the SQL path. SQLite stays the system of record: the file carries the
// cache's fingerprint (core/hot/fingerprint) and is rebuilt from the cache
// when they differ.
#include <climits>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/cache/cache.hpp"
#include "core/hot/hot_file.hpp"

namespace convstat::core {

// Code 0 is "absent"; code k (1..size()) is the k-th string.
class HotDictionary {
public:
  HotDictionary() = default;
  HotDictionary(std::span<const std::uint64_t> offsets, std::string_view bytes) : m_offsets(offsets), m_bytes(bytes) {}
  std::uint32_t size() const { return m_offsets.empty() ? 0 : static_cast<std::uint32_t>(m_offsets.size() - 1); }
  // The string of code 1..size().
  std::string_view at(std::uint32_t code) const {
    return m_bytes.substr(m_offsets[code - 1], m_offsets[code] - m_offsets[code - 1]);
  }
  // The code of `text`, or 0 (a linear search: for small dictionaries).
  std::uint32_t find(std::string_view text) const;
  // True when the offsets ascend within the bytes.
  bool consistent() const;

private:
  std::span<const std::uint64_t> m_offsets;
  std::string_view m_bytes;
};

// Variable-length strings by row (conversation ids): row i is
// bytes[offsets[i], offsets[i + 1]).
struct HotStrings {
  std::span<const std::uint64_t> offsets;
  std::string_view bytes;
  std::string_view at(std::size_t row) const { return bytes.substr(offsets[row], offsets[row + 1] - offsets[row]); }
};

enum class HotResolvedBy : std::uint8_t { none, ai, human };  // as ResolvedBy
constexpr std::int32_t k_no_rating = INT32_MIN;  // a response without a rating
constexpr std::uint8_t k_direction_inbound = 0, k_direction_outbound = 1, k_direction_other = 2;

struct HotConversationColumns {
  std::size_t size = 0;
  std::span<const std::int64_t> started_at, ended_at, first_response_at, resolved_at, escalated_at,
      first_response_due_at, resolution_due_at;
  // tenant, channel (absent: "chat"), team, assignee and contact (keyed by
  // tenant "\x1f" contact_id, so a code is one contact of one tenant).
  std::span<const std::uint32_t> tenant, channel, team_id, team_name, assignee_id, assignee_name, contact;
  std::span<const std::uint8_t> resolved_by, priority;  // HotResolvedBy, Priority
  HotStrings id;
  std::span<const std::uint64_t> topic_offsets;  // row i: topic_codes[topic_offsets[i], topic_offsets[i + 1]), distinct
  std::span<const std::uint32_t> topic_codes;
};

// Every csat record, ordered by sent_at, with the assignee and start of its
// conversation (same tenant and id; absent: codes 0, k_no_time).
struct HotCsatColumns {
  std::size_t size = 0;
  std::span<const std::int64_t> sent_at, responded_at, conversation_started_at;  // k_no_time when absent
  std::span<const std::int32_t> rating;  // as stored (read as a 32-bit int, like the SQL path), or k_no_rating
  std::span<const std::uint32_t> tenant, assignee_id, assignee_name;
  HotStrings conversation_id;
  std::span<const std::uint32_t> by_responded_at;  // rows ordered by responded_at (absent: first)
};

// The messages of conversations whose channel is email, ordered by `at`.
struct HotEmailMessageColumns {
  std::size_t size = 0;
  std::span<const std::int64_t> at;
  std::span<const std::uint32_t> tenant;
  std::span<const std::uint8_t> direction;  // k_direction_*
};

class HotColumns {
public:
  // The hot columns of `cache` when they can serve it: a file cache of schema
  // 6 or later, outside a transaction. A missing or stale file is rebuilt
  // first (a full read of the three tables); nullopt when that cannot be done
  // (the directory is not writable, …): callers then read SQLite.
  static std::optional<HotColumns> for_cache(Cache& cache);

  // Builds the file at `path` from the cache (one read transaction): false
  // when it could not be written.
  static bool build(Cache& cache, const std::string& path);
  // The file at `path` when it is whole and carries `stamp`.
  static std::optional<HotColumns> open(const std::string& path, std::string_view stamp);
  // The path of the hot columns of the cache at `cache_path`.
  static std::string path_for(const std::string& cache_path) { return cache_path + "-hot"; }

  HotDictionary tenants, channels, team_ids, team_names, assignee_ids, assignee_names, contacts, topics;
  HotConversationColumns conversations;
  HotCsatColumns csat;
  HotEmailMessageColumns email_messages;

private:
  SectionFile m_file;
};

// The cache's fingerprint: schema version, the cache's random id, the count of updated and deleted
// conversations, csat and messages (kept by triggers), and the last rid and
// content hash of each of those tables. Inserts move a last rid, anything
// else the count. nullopt below schema 6.
std::optional<std::string> hot_fingerprint(Cache& cache);

}  // namespace convstat::core
