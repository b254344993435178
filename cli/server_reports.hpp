#pragma once
// Server-side reports (seed 001 Reports) behind the local `report` command:
// with --backend NAME of kind botserver, `report TYPE` asks the server to
// generate a report of TYPE over the range (POST /api/v1/analytics/reports
// {type, start_date, end_date}, the range's days, end inclusive), `report
// list` lists the server's reports and `report show ID` reads one. Reports
// change on the server, so nothing is cached: --offline is a usage error.
// The seed gives reports to analytics_admin and admin only: a viewer token
// gets the server's 403 (exit 4 with its message).
#include <memory>
#include <string>

#include "cli/context.hpp"
#include "connectors/backend_config.hpp"
#include "core/result.hpp"

namespace convstat::cli {

class ServerReports {
public:
  // The server reports of the backend setting, or nullptr when no backend is
  // set or its kind keeps no server-side reports (the local report runs).
  // Throws UsageError for a misconfigured backend or --offline.
  static std::unique_ptr<ServerReports> from_context(Context& ctx);

  // POSTs a report of `type` over the command's range; the server's answer.
  // Filters are refused (UsageError): the server's report takes none.
  core::Result create(Context& ctx, const std::string& type) const;
  core::Result list() const;
  // Throws DataError "Report not found" (exit 3) for an id the server does not know.
  core::Result show(const std::string& id) const;

private:
  explicit ServerReports(connectors::BackendSpec spec) : m_spec(std::move(spec)) {}
  connectors::BackendSpec m_spec;
};

}  // namespace convstat::cli
