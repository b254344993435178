#include "cli/app.hpp"

int main(int argc, char** argv) { return convstat::cli::run(argc, argv); }
