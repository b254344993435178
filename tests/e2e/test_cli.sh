#!/usr/bin/env bash
# Global options, configuration precedence, help/version and exit codes.
source "$(dirname "$0")/lib.sh"

cs --version
expect_rc 0
expect_out_has "convstat "
cs --help
expect_rc 0
expect_out_has "overview"
expect_out_has "--tz"

# Unknown commands and options are usage errors (exit 2) with nothing on stdout.
cs ovreview
expect_rc 2
expect_out_empty
expect_err_has "convstat: error: unknown command 'ovreview' (did you mean 'overview'?)"
cs overview --frmo 2026-01-01
expect_rc 2
expect_out_empty
expect_err_has "convstat: error:"
cs
expect_rc 2
cs overview -f xml
expect_rc 2
expect_err_has "xml"

# A missing cache is a local error (exit 5) with a hint.
RC=0; "$CONVSTAT_BIN" --cache "$WORK/none.db" overview >"$OUT" 2>"$ERR" || RC=$?
expect_rc 5
expect_out_empty
expect_err_has "no cache at"
expect_err_has "hint: "

cs import "$DATA/small/records.ndjson"
expect_rc 0
range=(--from 2026-03-29 --to 2026-03-29)

# Config: [defaults] and a profile; unknown keys name the line.
mkdir -p "$XDG_CONFIG_HOME/convstat"
cat > "$XDG_CONFIG_HOME/convstat/config.toml" <<'TOML'
[defaults]
tz = "Europe/Paris"
format = "json"

[profile.utc]
tz = "UTC"
TOML
cs overview "${range[@]}"                      # config default: Paris, json
expect_rc 0
json_check 'd["total_conversations"] == 3 and d["first_response_minutes_avg"] == 5.0'
cs overview "${range[@]}" --profile utc        # profile beats [defaults]
json_check 'd["first_response_minutes_avg"] == 7.0'
CONVSTAT_TZ=Europe/Paris cs overview "${range[@]}" --profile utc   # environment beats profile
json_check 'd["first_response_minutes_avg"] == 5.0'
CONVSTAT_TZ=Europe/Paris cs overview "${range[@]}" --tz UTC        # flag beats environment
json_check 'd["first_response_minutes_avg"] == 7.0'
CONVSTAT_PROFILE=utc cs overview "${range[@]}"
json_check 'd["first_response_minutes_avg"] == 7.0'
CONVSTAT_FORMAT=csv cs overview "${range[@]}"
expect_out_has "channel,conversation_count"
cs overview "${range[@]}" --profile nope
expect_rc 2
expect_err_has "unknown profile 'nope'"

cat > "$WORK/bad.toml" <<'TOML'
[defaults]
tz = "UTC"
timezone = "Europe/Paris"
TOML
cs overview --config "$WORK/bad.toml"
expect_rc 2
expect_out_empty
expect_err_has "bad.toml:3: unknown key 'timezone' in [defaults]"
cs overview --config "$WORK/missing.toml"
expect_rc 2
expect_err_has "does not exist"
CONVSTAT_CONFIG="$WORK/bad.toml" cs overview
expect_rc 2

# --cache from the environment; the flag wins over it.
CONVSTAT_CACHE="$WORK/none.db" "$CONVSTAT_BIN" overview >"$OUT" 2>"$ERR" && RC=0 || RC=$?
expect_rc 5
CONVSTAT_CACHE="$WORK/none.db" cs overview "${range[@]}" -f json
expect_rc 0

done_checks
