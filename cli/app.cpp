#include "cli/app.hpp"

namespace convstat::cli {
int run(int, char**) { return 0; }
}  // namespace convstat::cli
