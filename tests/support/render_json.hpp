#pragma once
// A Result as the JSON `--format json` prints (rounded as printed), for
// comparing a whole computed shape with a hand-written literal.
#include <nlohmann/json.hpp>

#include "core/render/render.hpp"

namespace convstat::testing {

inline nlohmann::json rendered_json(const core::Result& result) {
  core::RenderOptions json;
  json.format = core::Format::json;
  return nlohmann::json::parse(core::render_to_string(result, json));
}

// Parses a JSON literal written in a test.
inline nlohmann::json json_of(const char* text) { return nlohmann::json::parse(text); }

}  // namespace convstat::testing
