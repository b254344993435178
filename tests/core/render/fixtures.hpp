#pragma once
// Small hand-built results shared by the renderer tests.
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "core/result.hpp"

namespace convstat::core::test {

inline Node object_of(std::initializer_list<std::pair<std::string, Node>> entries) {
  Node node = Node::object();
  for (const auto& [key, value] : entries) node.set(key, value);
  return node;
}

// Shaped like `overview` (spec/kpis.md): scalars, a null mean, one list.
inline Result overview_result() {
  Result result;
  result.command = "overview";
  result.title = "Conversation overview";
  result.main_section = "channel_distribution";
  result.root.set("total_conversations", Node::integer(285))
      .set("ai_resolution_rate", Node::number(118.0 / 285.0 * 100.0, Unit::percent))  // 41.4035...
      .set("resolution_minutes_median", Node::number(252.0, Unit::decimal1))
      .set("first_response_minutes_avg", Node::number(std::optional<double>{}, Unit::decimal1));
  Node channels = Node::list();
  channels.push(object_of({{"channel", Node::string("email")}, {"conversation_count", Node::integer(145)}}));
  channels.push(object_of({{"channel", Node::string("chat")}, {"conversation_count", Node::integer(80)}}));
  result.root.set("channel_distribution", channels);
  return result;
}

// Shaped like `sla`: nested objects of scalars and a list.
inline Result sla_result() {
  Result result;
  result.command = "sla";
  result.title = "SLA compliance";
  result.main_section = "by_priority";
  const double compliance_rate = 275.0 / 285.0 * 100.0;  // 96.491...
  result.root.set("first_response", object_of({{"tracked", Node::integer(285)},
                                                {"met", Node::integer(275)},
                                                {"compliance_rate", Node::number(compliance_rate, Unit::percent)}}));
  Node priorities = Node::list();
  priorities.push(object_of({{"priority", Node::string("urgent")},
                             {"tracked", Node::integer(25)},
                             {"compliance_rate", Node::number(22.0 / 25.0 * 100.0, Unit::percent)}}));
  priorities.push(object_of({{"priority", Node::string("unset")},
                             {"tracked", Node::integer(0)},
                             {"compliance_rate", Node::number(std::optional<double>{}, Unit::percent)}}));
  result.root.set("by_priority", priorities);
  return result;
}

// प्रिया शर्मा: 12 code points (vowel signs and viramas are width 0), 7 columns.
inline const std::string k_devanagari_name =
    "\u092a\u094d\u0930\u093f\u092f\u093e \u0936\u0930\u094d\u092e\u093e";
// José Núñez with decomposed accents (combining marks, width 0): 10 columns.
inline const std::string k_accented_name = "Jose\u0301 Nu\u0301n\u0303ez";
// 王小明: three wide characters, 6 columns.
inline const std::string k_cjk_name = "\u738b\u5c0f\u660e";

// Agent names in Devanagari, accented Latin and CJK.
inline Result agents_result() {
  Result result;
  result.command = "agents";
  result.title = "Agents";
  result.main_section = "agent_performance";
  Node agents = Node::list();
  agents.push(object_of({{"assignee_name", Node::string(k_devanagari_name)}, {"assigned_count", Node::integer(12)}}));
  agents.push(object_of({{"assignee_name", Node::string(k_accented_name)}, {"assigned_count", Node::integer(7)}}));
  agents.push(object_of({{"assignee_name", Node::string(k_cjk_name)}, {"assigned_count", Node::integer(3)}}));
  result.root.set("agent_performance", agents);
  return result;
}

}  // namespace convstat::core::test
