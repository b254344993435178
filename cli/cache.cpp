// convstat cache info|check|vacuum|audit: the local cache's contents, health and audit log.
#include <iostream>

#include "cli/commands.hpp"
#include "core/cache/audit.hpp"
#include "core/cache/info_result.hpp"
#include "core/error.hpp"

namespace convstat::cli {

void set_cache_command(CLI::App& app, Context& ctx) {
  CLI::App* cache = app.add_subcommand("cache", "Inspect and maintain the local cache");
  cache->require_subcommand(1);

  CLI::App* info = cache->add_subcommand("info", "Record counts per type, oldest/newest record, schema version, size");
  ctx.add_section_option(info);
  ctx.on_run(info, [&ctx] {
    auto c = ctx.open_cache(core::OpenMode::read_only);
    ctx.emit(core::cache_info_result(core::cache_info(*c)));
  });

  CLI::App* check = cache->add_subcommand("check", "Integrity check; exit 5 when the cache is damaged");
  ctx.on_run(check, [&ctx] {
    auto c = ctx.open_cache(core::OpenMode::read_only);
    const auto problems = core::cache_check(*c);
    if (!problems.empty()) {
      std::string message = "the cache '" + c->path() + "' failed its check:";
      for (const auto& p : problems) message += "\n  " + p;
      throw core::LocalError(message, "restore a backup, or move the file away and re-import");
    }
    std::cout << "ok: " << c->path() << " (schema version " << c->schema_version() << ")\n";
  });

  CLI::App* audit = cache->add_subcommand("audit", "Phone searches (redacted) and exports, oldest first");
  ctx.add_section_option(audit);
  ctx.on_run(audit, [&ctx] {
    auto c = ctx.open_cache(core::OpenMode::read_only);
    ctx.emit(core::audit_result(core::load_audit(*c)));
  });

  CLI::App* vacuum = cache->add_subcommand("vacuum", "Compact the cache file");
  ctx.on_run(vacuum, [&ctx] {
    auto c = ctx.open_cache(core::OpenMode::read_write);
    c->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    c->db().exec("VACUUM");
    ctx.note("vacuumed " + c->path());
  });
}

}  // namespace convstat::cli
