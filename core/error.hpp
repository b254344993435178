#pragma once
// convstat's error types. Each maps to one exit code of spec/cli.md; main()
// prints `convstat: error: <what>` (and `hint: <hint>` when set) on stderr.
#include <stdexcept>
#include <string>

namespace convstat::core {

enum class ExitCode : int {
  ok = 0,
  check_failed = 1,  // check: at least one rule failed
  usage = 2,         // bad flag, value, range, time zone, rule, cursor
  data = 3,          // invalid input records, unknown id
  backend = 4,       // network, TLS, auth, HTTP failure after retries
  local = 5,         // cache locked/corrupt, disk full, unwritable output
};

class Error : public std::runtime_error {
public:
  Error(ExitCode code, const std::string& message, std::string hint = {})
      : std::runtime_error(message), m_code(code), m_hint(std::move(hint)) {}
  ExitCode code() const noexcept { return m_code; }
  const std::string& hint() const noexcept { return m_hint; }

private:
  ExitCode m_code;
  std::string m_hint;
};

// A bad flag, value, range, zone, rule or cursor (exit 2).
struct UsageError : Error {
  explicit UsageError(const std::string& m, std::string hint = {}) : Error(ExitCode::usage, m, std::move(hint)) {}
};
// Invalid input records or an unknown id (exit 3).
struct DataError : Error {
  explicit DataError(const std::string& m, std::string hint = {}) : Error(ExitCode::data, m, std::move(hint)) {}
};
// Network, TLS, auth or HTTP failure (exit 4).
struct BackendError : Error {
  explicit BackendError(const std::string& m, std::string hint = {}) : Error(ExitCode::backend, m, std::move(hint)) {}
};
// Cache locked, corrupt or unwritable; output not writable (exit 5).
struct LocalError : Error {
  explicit LocalError(const std::string& m, std::string hint = {}) : Error(ExitCode::local, m, std::move(hint)) {}
};

}  // namespace convstat::core
