#!/usr/bin/env bash
# PDF through the binary, read back with poppler-utils: the heading, KPI
# values, a Devanagari assignee name, embedded fonts, "page N of M", header
# rows repeated on continued pages, byte-identical output with
# SOURCE_DATE_EPOCH, report show -f pdf, and the refusals.
source "$(dirname "$0")/lib.sh"
for tool in pdftotext pdfinfo pdffonts pdftoppm; do
  command -v $tool >/dev/null || fail "$tool is missing (poppler-utils; scripts/install-deps.sh installs it)"
done

AS_OF=2026-11-20T12:00:00Z
cs demo --conversations 1500 --as-of $AS_OF
expect_rc 0
export SOURCE_DATE_EPOCH=1795000000  # 2026-11-18T11:06:40Z

pages_of() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# has FILE TEXT: the PDF's text holds TEXT.
has() {
  pdftotext -layout "$1" "$WORK/text.txt" || fail "pdftotext cannot read $1"
  grep -qF -- "$2" "$WORK/text.txt" || fail "$1 lacks the text: $2"
  pass
}

# The support report: several pages a manager can read.
cs --as-of $AS_OF report support -f pdf -o "$WORK/reports/support.pdf"
expect_rc 0
expect_out_empty
expect_err_has "wrote $WORK/reports/support.pdf"
PDF="$WORK/reports/support.pdf"
PAGES=$(pages_of "$PDF")
[[ "$PAGES" -ge 5 ]] || fail "the support report should take several pages, not $PAGES"
pass
pdfinfo "$PDF" | grep -q '^Title: *Support report$' || fail "no PDF title"
pass
pdfinfo "$PDF" | grep -q '^CreationDate: *Wed Nov 18 11:06:40 2026 UTC$' || fail "the creation date is not SOURCE_DATE_EPOCH"
pass
has "$PDF" "Support report"
has "$PDF" "Range: 2026-10-22 – 2026-11-20"
has "$PDF" "Time zone: UTC"
has "$PDF" "Generated: 2026-11-18 11:06 UTC"
# KPI values as the JSON has them: the tile prints counts grouped ("1,234"), rates with "%".
cs --as-of $AS_OF overview -f json
TOTAL=$(python3 -c 'import json,sys; print("{:,}".format(json.load(open(sys.argv[1]))["total_conversations"]))' "$OUT")
RATE=$(python3 -c 'import json,sys; print("{:.1f}%".format(json.load(open(sys.argv[1]))["ai_resolution_rate"]))' "$OUT")
has "$PDF" "$TOTAL"
has "$PDF" "$RATE"
cs --as-of $AS_OF sla -f json
has "$PDF" "$(python3 -c 'import json,sys; print("{:.1f}%".format(json.load(open(sys.argv[1]))["resolution"]["compliance_rate"]))' "$OUT")"
# Names in Devanagari and accented Latin come back as text.
has "$PDF" "प्रिया शर्मा"
has "$PDF" "José Álvarez"
has "$PDF" "page 1 of $PAGES"
has "$PDF" "page $PAGES of $PAGES"
# Embedded fonts: Noto Sans and Noto Sans Devanagari.
pdffonts "$PDF" >"$WORK/fonts"
grep -q 'NotoSans-Regular' "$WORK/fonts" || fail "Noto Sans is not used"
pass
grep -q 'NotoSansDevanagari' "$WORK/fonts" || fail "Noto Sans Devanagari is not used"
pass
awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}' "$WORK/fonts" || fail "a font is not embedded: $(cat "$WORK/fonts")"
pass
# Charts are drawn: their titles are text.
has "$PDF" "Channel distribution — Conversation count"
has "$PDF" "By priority — Compliance rate"
has "$PDF" "Distribution — Response count"
# Pages turn into images.
pdftoppm -r 30 -png -f 1 -l 1 "$PDF" "$WORK/page" || fail "pdftoppm cannot render page 1"
[[ $(stat -c %s "$WORK"/page-*1.png) -gt 2000 ]] || fail "page 1 renders empty"
pass

# Saved: report show -f pdf re-renders it, byte for byte, without recomputing.
cs report show 1 -f pdf -o "$WORK/show.pdf"
expect_rc 0
cmp -s "$PDF" "$WORK/show.pdf" || fail "report show 1 -f pdf differs from the report as made"
pass

# Deterministic: the same input, --as-of and SOURCE_DATE_EPOCH give the same bytes.
cs --as-of $AS_OF report voice -f pdf -o "$WORK/voice1.pdf"
cs --as-of $AS_OF report voice -f pdf -o "$WORK/voice2.pdf"
cmp -s "$WORK/voice1.pdf" "$WORK/voice2.pdf" || fail "two runs of the voice report differ"
pass
has "$WORK/voice1.pdf" "Calls by weekday and hour (UTC)"
has "$WORK/voice1.pdf" "Call volume"
SOURCE_DATE_EPOCH=1795086400 cs --as-of $AS_OF report voice -f pdf -o "$WORK/voice3.pdf"
cmp -s "$WORK/voice1.pdf" "$WORK/voice3.pdf" && fail "another SOURCE_DATE_EPOCH should change the creation date"
pass
pdfinfo "$WORK/voice3.pdf" | grep -q '^CreationDate: *Thu Nov 19 11:06:40 2026 UTC$' || fail "creation date"
pass
cs --as-of $AS_OF report ai -f pdf -o "$WORK/ai.pdf"
has "$WORK/ai.pdf" "Percentiles (ms)"

# Any KPI command: -f pdf to a pipe or a file; a long table continues under its header.
cs --as-of $AS_OF daily chats --days 90 --tz Europe/Paris -f pdf
expect_rc 0
head -c 5 "$OUT" | grep -q '%PDF-' || fail "stdout is not a PDF"
pass
cp "$OUT" "$WORK/daily.pdf"
DAYS=$(pages_of "$WORK/daily.pdf")
[[ "$DAYS" -ge 2 ]] || fail "90 days should need two pages or more"
pass
has "$WORK/daily.pdf" "Time zone: Europe/Paris"
for ((p = 2; p <= DAYS; p++)); do
  pdftotext -layout -f $p -l $p "$WORK/daily.pdf" - >"$WORK/page.txt"
  grep -q 'Data (continued)' "$WORK/page.txt" || fail "page $p does not say the table continues"
  grep -qE '^ *Date +Count *$' "$WORK/page.txt" || fail "page $p does not repeat the header row"
  pass
done
# Every day is a row once: 90 dates in the table, plus the chart's 7 axis labels.
pdftotext -layout "$WORK/daily.pdf" "$WORK/daily.txt"
ROWS=$(grep -cE '^ *20[0-9]{2}-[0-9]{2}-[0-9]{2} +[0-9]+ *$' "$WORK/daily.txt")
[[ "$ROWS" == 90 ]] || fail "expected 90 table rows, got $ROWS"
pass

# Refusals: a malformed SOURCE_DATE_EPOCH, and a terminal as the destination.
SOURCE_DATE_EPOCH=yesterday cs overview -f pdf
expect_rc 2
expect_err_has "invalid SOURCE_DATE_EPOCH 'yesterday'"
expect_out_empty
if command -v script >/dev/null; then
  RC=0
  script -qec "\"$CONVSTAT_BIN\" --cache \"$CACHE\" overview -f pdf" /dev/null >"$OUT" 2>"$ERR" </dev/null || RC=$?
  expect_rc 2
  expect_out_has "PDF is not written to a terminal"
fi
# A write that fails leaves nothing.
touch "$WORK/file"
cs overview -f pdf -o "$WORK/file/under.pdf"
expect_rc 5
[[ ! -e "$WORK/file/under.pdf" ]] || fail "a failed write left a file"
pass

done_checks
