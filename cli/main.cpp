#include <cstdlib>
#include <string>

#include <unistd.h>

#include "cli/app.hpp"

namespace {

// glibc reads its tunables once, at start-up, from GLIBC_TUNABLES: convstat
// runs itself again with glibc.malloc.hugetlb=1 added, so that malloc asks for
// transparent huge pages (madvise). KPI commands build hundreds of MB of rows
// over long ranges, and with 4 KiB pages the page faults were a third of their
// time (bench/scale, 1M conversations: overview 1.39 s -> 0.82 s, insights
// 2.06 s -> 1.09 s); the second start costs about 30 ms. Nothing else changes:
// same argv, stdio, exit code. Skipped for --help, --version and completion
// (nothing to scan), when the tunable is already set (so at most one exec),
// when CONVSTAT_NO_HUGEPAGES is set, and off glibc; if the exec fails, convstat
// simply goes on without.
void ask_for_huge_pages(int argc, char** argv) {
#if defined(__GLIBC__) && defined(__linux__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35)) && \
    !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer replaces malloc: the tunable would mean nothing
  if (std::getenv("CONVSTAT_NO_HUGEPAGES") != nullptr) return;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "completion") return;
  }
  const char* current = std::getenv("GLIBC_TUNABLES");
  const std::string before = current != nullptr ? current : "";
  if (before.find("glibc.malloc.hugetlb") != std::string::npos) return;
  const std::string tunables = before + (before.empty() ? "" : ":") + "glibc.malloc.hugetlb=1";
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  if (current != nullptr) setenv("GLIBC_TUNABLES", before.c_str(), 1);  // the exec failed: as we were
  else unsetenv("GLIBC_TUNABLES");
#else
  (void)argc;
  (void)argv;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  ask_for_huge_pages(argc, argv);
  return convstat::cli::run(argc, argv);
}
