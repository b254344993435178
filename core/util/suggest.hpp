#pragma once
// "Did you mean" for unknown commands, keys, metric paths and record types.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace convstat::core {

// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, when it is close enough to be a plausible
// typo (distance at most max(2, |word| / 3)); ties go to the first candidate.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace convstat::core
