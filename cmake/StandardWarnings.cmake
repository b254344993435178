# Warnings for convstat's own targets only (linked PRIVATE), never for dependencies.
add_library(convstat_warnings INTERFACE)
target_compile_options(convstat_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  # GCC 12 at -O2 reports false positives inside libstdc++ and nlohmann_json with these two.
  -Wno-restrict)
if(CONVSTAT_WERROR)
  target_compile_options(convstat_warnings INTERFACE -Werror)
endif()
