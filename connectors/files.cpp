#include "connectors/files.hpp"

#include <glob.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "core/import/importer.hpp"
#include "core/import/readers.hpp"
#include "core/import/validate.hpp"
#include "core/util/sha256.hpp"

namespace convstat::connectors {
namespace fs = std::filesystem;

namespace {

std::optional<FileStat> stat_file(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileStat{path, static_cast<std::int64_t>(st.st_size),
                  static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::string base_dir_of(const BackendSpec& backend) {
  return backend.config_path.empty() ? "." : fs::path(backend.config_path).parent_path().string();
}

// The files of the backend; BackendError when there are none.
std::vector<FileStat> backend_files(const BackendSpec& backend) {
  const std::string pattern = *backend.get("path");
  std::vector<FileStat> files = list_files(pattern, base_dir_of(backend));
  if (files.empty())
    throw core::BackendError("backend '" + backend.name + "': no files match '" + pattern + "'",
                             "a relative path is relative to the config file's folder");
  return files;
}

void add(core::TypeCounts& total, const core::TypeCounts& c) {
  total.inserted += c.inserted;
  total.updated += c.updated;
  total.unchanged += c.unchanged;
}

[[noreturn]] void fail_invalid(const BackendSpec& backend, const std::string& path, const core::ImportSummary& s) {
  std::string message = "backend '" + backend.name + "': '" + path + "' has " + std::to_string(s.rejected) +
                        " invalid record" + (s.rejected == 1 ? "" : "s") + "; nothing of this file was written:";
  for (const auto& e : s.errors) message += "\n  " + e;
  if (s.total_errors > static_cast<std::int64_t>(s.errors.size()))
    message += "\n  … and " + std::to_string(s.total_errors - static_cast<std::int64_t>(s.errors.size())) +
               " more errors";
  throw core::DataError(message, "fix the file, then run sync again: files synced before it are kept");
}

}  // namespace

std::vector<FileStat> list_files(const std::string& pattern, const std::string& base_dir) {
  std::error_code ec;
  fs::path absolute = fs::path(pattern).is_relative() ? fs::path(base_dir) / pattern : fs::path(pattern);
  absolute = fs::absolute(absolute, ec).lexically_normal();  // state rows are keyed by absolute paths
  const std::string full = absolute.string();
  std::vector<FileStat> out;
  if (fs::is_directory(full, ec)) {
    for (auto it = fs::recursive_directory_iterator(full, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_regular_file(ec) || !core::format_from_extension(it->path().string())) continue;
      if (auto st = stat_file(it->path().string())) out.push_back(std::move(*st));
    }
  } else if (full.find_first_of("*?[") != std::string::npos) {
    glob_t matches{};
    if (::glob(full.c_str(), 0, nullptr, &matches) == 0)
      for (std::size_t i = 0; i < matches.gl_pathc; ++i)
        if (auto st = stat_file(matches.gl_pathv[i])) out.push_back(std::move(*st));
    ::globfree(&matches);
  } else if (auto st = stat_file(full)) {
    out.push_back(std::move(*st));
  }
  std::sort(out.begin(), out.end(), [](const FileStat& a, const FileStat& b) { return a.path < b.path; });
  return out;
}

FileAction decide_file(const std::optional<FileState>& stored, const FileStat& now,
                       const std::function<std::string()>& hash, std::string* hash_out) {
  hash_out->clear();
  if (stored && stored->size == now.size && stored->mtime_ns == now.mtime_ns) return FileAction::skip;
  *hash_out = hash();
  if (stored && stored->sha256 == *hash_out) return FileAction::touch;
  return FileAction::import;
}

std::string file_sha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::BackendError("cannot read '" + path + "': " + std::strerror(errno));
  core::Sha256 hasher;
  std::string buffer(1 << 16, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hasher.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) throw core::BackendError("cannot read '" + path + "'");
  return hasher.hex_digest();
}

std::string csv_record_type(const std::string& path) {
  std::string stem = fs::path(path).filename().string();
  for (const char* suffix : {".gz", ".csv"})
    if (stem.size() > std::strlen(suffix) && stem.compare(stem.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
      stem.resize(stem.size() - std::strlen(suffix));
  const std::size_t cut = stem.find_last_of("-_.");
  for (const std::string& word : {stem, cut == std::string::npos ? stem : stem.substr(cut + 1)})
    if (const core::RecordType* type = core::find_record_type(word)) return std::string(type->name);
  throw core::UsageError("cannot tell the record type of the CSV file '" + path + "'",
                         "name it after its type: conversations.csv, 2026-03-messages.csv, …");
}

SyncSummary sync_files(core::Cache& cache, const BackendSpec& backend, const SyncOptions& options) {
  const std::vector<FileStat> files = backend_files(backend);
  SyncSummary summary;
  SyncProgress progress{"", 0, 0, 0, static_cast<std::int64_t>(files.size())};
  for (const FileStat& file : files) {
    progress.label = file.path;
    const std::optional<FileState> stored = load_file_state(cache.db(), backend.name, file.path);
    std::string hash;
    const FileAction action = decide_file(stored, file, [&] { return file_sha256(file.path); }, &hash);
    if (action == FileAction::import) {
      core::ImportRequest request;
      request.files = {file.path};
      if (core::format_from_extension(file.path) == core::InputFormat::csv) request.type = csv_record_type(file.path);
      const std::int64_t before = summary.records;
      request.on_progress = [&](const core::ImportProgress& p) {
        progress.records = before + p.records;
        if (options.on_progress) options.on_progress(progress);
      };
      request.before_commit = [&](SQLite::Database& db, std::int64_t records) {
        save_file_state(db, backend.name, file.path, FileState{file.size, file.mtime_ns, hash, records});
      };
      const core::ImportSummary result = core::run_import(cache, request);
      if (!result.committed) fail_invalid(backend, file.path, result);
      for (const auto& [type, counts] : result.counts) add(summary.counts, counts);
      summary.records += result.records;
      ++summary.files_imported;
    } else {
      if (action == FileAction::touch)
        save_file_state(cache.db(), backend.name, file.path, FileState{file.size, file.mtime_ns, hash, stored->records});
      ++summary.files_unchanged;
    }
    ++progress.files_done;
    progress.records = summary.records;
    if (options.on_progress) options.on_progress(progress);
  }
  return summary;
}

std::string test_files(const BackendSpec& backend) {
  const std::vector<FileStat> files = backend_files(backend);
  std::int64_t bytes = 0;
  for (const FileStat& f : files) {
    std::ifstream in(f.path, std::ios::binary);
    if (!in) throw core::BackendError("backend '" + backend.name + "': cannot read '" + f.path + "'");
    bytes += f.size;
  }
  return std::to_string(files.size()) + " readable file" + (files.size() == 1 ? "" : "s") + ", " +
         std::to_string(bytes) + " bytes";
}

}  // namespace convstat::connectors
