#!/usr/bin/env bash
# check (rules, exit codes, JUnit) and metrics through the binary on the
# hand-counted dataset of tests/data/small (UTC 2026-03-29: k3 k4 k5, AI
# resolution 33.3 %, escalation 33.3 %, urgent k3 resolved: 100 %).
source "$(dirname "$0")/lib.sh"

cs import "$DATA/small/records.ndjson"
expect_rc 0
DAY=(--from 2026-03-29 --to 2026-03-29)

# A passing rule: exit 0, PASS.
cs check "${DAY[@]}" --rule 'overview.ai_resolution_rate >= 30'
expect_rc 0
expect_out_has 'PASS'
expect_out_lacks 'FAIL'
expect_err_empty

# A failing rule: exit 1 with the report still on stdout, no error message.
cs check "${DAY[@]}" --rule 'overview.escalation_rate <= 10'
expect_rc 1
expect_out_has 'FAIL'
expect_out_has '33.3'
expect_err_empty

# JSON: every rule with its actual value as printed; the summary.
cs check "${DAY[@]}" --rule 'overview.ai_resolution_rate>=30' --rule 'overview.escalation_rate <= 10' \
  --rule 'resolution.by_priority[priority=urgent].resolution_rate == 100' -f json
expect_rc 1
json_check '[r["status"] for r in d["rules"]] == ["PASS", "FAIL", "PASS"]'
json_check 'd["rules"][1]["actual"] == 33.3 and d["rules"][1]["threshold"] == 10 and d["rules"][1]["op"] == "<="'
json_check 'd["rules"][2]["path"] == "resolution.by_priority[priority=urgent].resolution_rate"'
json_check 'd["summary"] == {"passed": 2, "failed": 1, "skipped": 0, "total": 3}'

# JUnit: well-formed XML, one testcase per rule, one failure; also through -o.
cs check "${DAY[@]}" --rule 'overview.ai_resolution_rate >= 30' --rule 'overview.escalation_rate <= 10' -f junit
expect_rc 1
python3 - "$OUT" <<'PY' || fail "JUnit XML"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suite = root.find("testsuite")
assert suite.get("name") == "convstat check" and suite.get("tests") == "2" and suite.get("failures") == "1"
cases = suite.findall("testcase")
assert [c.get("name") for c in cases] == ["overview.ai_resolution_rate >= 30", "overview.escalation_rate <= 10"]
assert all(c.get("classname") == "convstat.check.overview" for c in cases)
assert cases[0].find("failure") is None and cases[1].find("failure").get("message") == "actual 33.3"
PY
pass
cs check "${DAY[@]}" --rule 'overview.escalation_rate <= 10' -f junit -o "$WORK/check.xml"
expect_rc 1
expect_out_empty
python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$WORK/check.xml" || fail "-o check.xml"
pass

# A rules file with comments and blank lines.
cat >"$WORK/gate.rules" <<'RULES'
# the CI gate
overview.ai_resolution_rate >= 30

resolution.by_priority[priority=urgent].resolution_rate >= 90   # urgent work gets done
RULES
cs check "${DAY[@]}" --rules "$WORK/gate.rules" -f json
expect_rc 0
json_check 'len(d["rules"]) == 2 and d["summary"]["passed"] == 2'

# Null actual values (no low-priority conversations; an empty range) fail, or are skipped with --allow-missing.
cs check "${DAY[@]}" --rule 'resolution.by_priority[priority=low].resolution_rate >= 50' -f json
expect_rc 1
json_check 'd["rules"][0]["actual"] is None and d["rules"][0]["status"] == "FAIL"'
cs check --from 2025-01-01 --to 2025-01-31 --rule 'overview.escalation_rate <= 10' --allow-missing -f json
expect_rc 0
json_check 'd["rules"][0]["status"] == "SKIP" and d["summary"]["skipped"] == 1'

# Filters apply to every command of the rules.
cs check "${DAY[@]}" --channel chat --rule 'overview.total_conversations == 1'
expect_rc 0

# Usage errors: exit 2, nothing on stdout.
cs check "${DAY[@]}" --rule 'overview.escalaton_rate <= 10'
expect_rc 2
expect_out_empty
expect_err_has "unknown metric path 'overview.escalaton_rate' (did you mean 'overview.escalation_rate'?)"
cs check "${DAY[@]}" --rule 'overveiw.escalation_rate <= 10'
expect_rc 2
expect_err_has "did you mean 'overview'?"
cs check "${DAY[@]}" --rule 'overview.escalation_rate <> 10'
expect_rc 2
expect_err_has "unknown operator '<>'"
printf 'overview.escalation_rate <= 10\noverview.escalation_rate 10\n' >"$WORK/bad.rules"
cs check --rules "$WORK/bad.rules"
expect_rc 2
expect_err_has "$WORK/bad.rules:2: invalid rule"
cs check "${DAY[@]}"
expect_rc 2
expect_err_has 'no rules'
cs overview -f junit
expect_rc 2
expect_err_has '--format junit is only for check'

# SLA rules, once the sla command exists.
if "$CONVSTAT_BIN" sla --help >/dev/null 2>&1; then
  cs check "${DAY[@]}" --rule 'sla.first_response.compliance_rate >= 99.9' -f json
  [[ "$RC" == 0 || "$RC" == 1 ]] || fail "sla rule: exit $RC"
  pass
  json_check 'd["rules"][0]["path"] == "sla.first_response.compliance_rate"'
fi

# metrics: every path with its definition; explain one.
cs metrics -f json
expect_rc 0
json_check '{"path": "overview.ai_resolution_rate", "definition": "ai_resolved_count / total_conversations, %"} in d'
json_check 'any(m["path"] == "resolution.by_priority[].resolution_rate" for m in d)'
cs metrics explain overview.escalation_rate
expect_rc 0
expect_out_has 'escalated_at / total_conversations'
cs metrics explain 'resolution.by_priority[priority=urgent].resolution_rate' -f json
expect_rc 0
json_check 'd["path"] == "resolution.by_priority[].resolution_rate"'
cs metrics explain overview.escalaton_rate
expect_rc 2
expect_err_has "did you mean 'overview.escalation_rate'?"

done_checks
