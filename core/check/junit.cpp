#include "core/check/junit.hpp"

#include <sstream>

namespace convstat::core::check {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

std::string render_junit(const CheckReport& report) {
  std::ostringstream out;
  const std::string counts = "tests=\"" + std::to_string(report.outcomes.size()) + "\" failures=\"" +
                             std::to_string(report.failed) + "\" skipped=\"" + std::to_string(report.skipped) + "\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites " << counts << ">\n"
      << "  <testsuite name=\"convstat check\" " << counts << ">\n";
  for (const RuleOutcome& o : report.outcomes) {
    out << "    <testcase name=\"" << xml_escape(o.rule.text) << "\" classname=\"convstat.check."
        << xml_escape(o.rule.command) << "\"";
    if (o.status == Status::pass) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    const std::string message = xml_escape("actual " + o.actual_text);
    if (o.status == Status::skip) {
      out << "      <skipped message=\"" << message << "\"/>\n";
    } else {
      out << "      <failure message=\"" << message << "\">"
          << xml_escape(o.rule.path + " is " + o.actual_text + ", expected " + std::string(op_text(o.rule.op)) + " " +
                        o.rule.threshold_text)
          << "</failure>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
  return out.str();
}

}  // namespace convstat::core::check
