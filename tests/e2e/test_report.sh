#!/usr/bin/env bash
# report through the binary: presets, sections equal to the commands' own
# output, saved reports re-rendered by `report show`, custom presets from the
# config with their period, format and output pattern.
source "$(dirname "$0")/lib.sh"

cs demo --conversations 200 --days 30 --as-of 2026-03-31T00:00:00Z
expect_rc 0
RANGE=(--from 2026-03-01 --to 2026-03-30 --as-of 2026-03-31T00:00:00Z)

# Each section is exactly the command's own JSON.
cs report support "${RANGE[@]}" -f json
expect_rc 0
expect_err_has 'saved as report 1'
cp "$OUT" "$WORK/report.json"
json_check 'list(d) == ["report", "overview", "sla", "csat", "resolution", "agents", "insights"]'
json_check 'd["report"]["preset"] == "support" and d["report"]["from"] == "2026-03-01" and d["report"]["to"] == "2026-03-30" and d["report"]["tz"] == "UTC"'
for command in overview sla csat resolution agents; do
  cs $command "${RANGE[@]}" -f json
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))[sys.argv[3]] == json.load(open(sys.argv[2]))' \
    "$WORK/report.json" "$OUT" "$command" || fail "report section $command differs from the command"
  pass
done

# Saved: report show re-renders it in any format, without the cache's later changes.
cs report voice "${RANGE[@]}" -f md
expect_rc 0
cp "$OUT" "$WORK/voice.md"
expect_out_has '# Voice report'
expect_out_has '## calls resolution'
cs import - <<<'{"type":"call","id":"late","started_at":"2026-03-15T10:00:00Z","status":"completed"}'
expect_rc 0
cs report voice "${RANGE[@]}" -f md
expect_rc 0
! diff "$WORK/voice.md" "$OUT" >/dev/null || fail "the new call should change a new report"
pass
cs report show 2 -f md
expect_rc 0
diff "$WORK/voice.md" "$OUT" >/dev/null || fail "report show 2 -f md differs from the report as first printed"
pass
cs report show 2 -f csv
expect_rc 0
grep -q $'^calls,kpis.total_calls,[0-9]*\r$' "$OUT" || fail "tidy csv row for calls"
pass
cs report list -f json
json_check '[(x["id"], x["preset"]) for x in d["reports"]] == [(3, "voice"), (2, "voice"), (1, "support")]'
cs report show 99
expect_rc 3
expect_err_has 'Report not found'
cs report suport
expect_rc 2
expect_err_has "did you mean 'support'"
cs report ai "${RANGE[@]}" -f ndjson
expect_rc 2

# A custom preset: its sections, title, period, format and output pattern; flags still win.
mkdir -p "$XDG_CONFIG_HOME/convstat"
cat >"$XDG_CONFIG_HOME/convstat/config.toml" <<'TOML'
[report.weekly]
preset = "executive"
title = "Weekly numbers"
period = "last-week"
format = "json"
output = "reports/weekly-%G-W%V.json"

[report.mine]
sections = ["overview", "calls"]
TOML
cd "$WORK"
cs report weekly --as-of 2026-03-31T00:00:00Z
expect_rc 0
expect_out_empty
# As of Tuesday 2026-03-31 (ISO week 14), last week is 03-23..03-29.
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["report"]["title"] == "Weekly numbers" and d["report"]["from"] == "2026-03-23" and d["report"]["to"] == "2026-03-29" and list(d)[1:] == ["unified", "dashboard", "leads"], d["report"]' \
  "$WORK/reports/weekly-2026-W14.json" || fail "custom preset report"
pass
cs report weekly --as-of 2026-03-31T00:00:00Z --days 3 -f csv -o "$WORK/weekly.csv"
expect_rc 0
grep -q $'^report,from,2026-03-29\r$' "$WORK/weekly.csv" || fail "--days on the command line beats the preset's period"
pass
cs report mine "${RANGE[@]}" -f json
json_check 'list(d) == ["report", "overview", "calls"] and d["report"]["title"] == "Report mine"'

done_checks
