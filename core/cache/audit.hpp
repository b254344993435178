#pragma once
// The cache's audit log (schema version 3): every search by personal data
// (calls search --phone) leaves a row with the redacted term, never the term,
// and every export a row with its format and options.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cache/cache.hpp"
#include "core/result.hpp"

namespace convstat::core {

struct AuditEntry {
  std::int64_t at_ms = 0;                // when the search ran (wall clock)
  std::string command;                   // "calls search", "export calls"
  std::optional<std::string> tenant;     // the --tenant scope; none = every tenant
  std::string detail;                    // calls search: the redacted term "***-***-5678"; export: its options
  std::int64_t result_count = 0;         // matches found
};

// Appends one entry in its own transaction; the cache must be open read-write.
void append_audit(Cache& cache, const AuditEntry& entry);

// Every entry, oldest first; none when the cache predates the audit log.
std::vector<AuditEntry> load_audit(Cache& cache);

// {entries: [{at, command, tenant, detail, result_count}]}, main list entries.
Result audit_result(const std::vector<AuditEntry>& entries);

}  // namespace convstat::core
