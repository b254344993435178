#!/usr/bin/env bash
# Completion scripts and man pages: the bash script the binary prints completes
# commands, nested commands, option values, files and positionals when run as
# bash runs it (COMP_WORDS/COMP_CWORD); the committed zsh and fish scripts
# parse and complete; both man pages render without a warning.
source "$(dirname "$0")/lib.sh"

SRC=$CONVSTAT_SOURCE_DIR

check() { echo "check: $*"; }

# --- bash: the script the binary generates, sourced into this shell --------
check "convstat completion bash prints a script that registers _convstat"
cs completion bash
expect_rc 0
expect_out_has "complete -F _convstat convstat"
cp "$OUT" "$WORK/convstat.bash"
: >"$OUT"  # failures below show the completion, not this script
# shellcheck disable=SC1091
source "$WORK/convstat.bash"
[[ $(type -t _convstat) == function ]] || fail "sourcing the bash script defines no _convstat"
complete -p convstat | grep -q -- "-F _convstat" || fail "convstat is not registered with complete -F _convstat"
pass

# complete_words WORD...: runs _convstat with the cursor on the last word; COMPREPLY one a line in $WORK/reply.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _convstat
  if ((${#COMPREPLY[@]})); then printf '%s\n' "${COMPREPLY[@]}"; else : ; fi >"$WORK/reply"
}
# expect_reply_has WORD...: every WORD is among the candidates.
expect_reply_has() {
  local word
  for word in "$@"; do
    grep -qxF -- "$word" "$WORK/reply" || fail "completion lacks '$word'; got: $(tr '\n' ' ' <"$WORK/reply")"
  done
  pass
}
expect_reply_empty() {
  [[ ! -s "$WORK/reply" ]] || fail "completion should offer nothing; got: $(tr '\n' ' ' <"$WORK/reply")"
  pass
}
# expect_reply_is WORD...: the candidates are exactly these, in any order.
expect_reply_is() {
  diff <(printf '%s\n' "$@" | sort) <(sort "$WORK/reply") >/dev/null ||
    fail "completion should be exactly '$*'; got: $(tr '\n' ' ' <"$WORK/reply")"
  pass
}

check "bash: convstat ov<TAB> -> overview"
complete_words convstat ov
expect_reply_is overview

check "bash: convstat <TAB> lists every command"
complete_words convstat ""
expect_reply_has overview resolution import demo cache completion

check "bash: convstat cache <TAB> -> info check audit vacuum"
complete_words convstat cache ""
expect_reply_is info check audit vacuum

check "bash: convstat overview --format <TAB> offers the formats (json among them)"
complete_words convstat overview --format ""
expect_reply_is table json csv md pdf junit ndjson
complete_words convstat overview -f js
expect_reply_is json

check "bash: --format=<TAB> as bash splits it (--format, =, value)"
complete_words convstat overview --format = ""
expect_reply_has json csv

check "bash: global options come after the command, nested ones too"
complete_words convstat cache info --no-co
expect_reply_is --no-color
complete_words convstat cache info --se
expect_reply_is --section

check "bash: an option's value is skipped when finding the command (-f json cache <TAB>)"
complete_words convstat -f json cache ""
expect_reply_is info check audit vacuum

check "bash: fixed values: --period, --priority, import --type and --input-format, completion's shell"
complete_words convstat overview --period last-
expect_reply_is last-week last-month last-year
complete_words convstat resolution --priority u
expect_reply_is urgent unset
complete_words convstat import --type co
expect_reply_is conversation
complete_words convstat import --input-format ""
expect_reply_has ndjson json csv
complete_words convstat completion ""
expect_reply_is bash zsh fish

check "bash: file names for --cache, -o, --rejects and import's files; none for free text"
mkdir -p "$WORK/files"
touch "$WORK/files/records.ndjson" "$WORK/files/calls.csv"
complete_words convstat overview --cache "$WORK/files/rec"
expect_reply_is "$WORK/files/records.ndjson"
complete_words convstat overview -o "$WORK/files/ca"
expect_reply_is "$WORK/files/calls.csv"
complete_words convstat import --skip-invalid --rejects "$WORK/files/ca"
expect_reply_is "$WORK/files/calls.csv"
complete_words convstat import "$WORK/files/records.ndjson" "$WORK/files/c"
expect_reply_is "$WORK/files/calls.csv"
complete_words convstat overview --tenant ""
expect_reply_empty

# --- zsh and fish: the committed scripts ------------------------------------
for file in completions/convstat.bash completions/_convstat completions/convstat.fish; do
  check "$file is committed"
  [[ -s "$SRC/$file" ]] || fail "$file is missing: run 'make completions'"
  pass
done

if command -v zsh >/dev/null 2>&1; then
  check "zsh -n completions/_convstat parses"
  zsh -n "$SRC/completions/_convstat" || fail "zsh cannot parse completions/_convstat"
  pass
  check "zsh: completions/_convstat completes in an interactive zsh (cache <TAB>, --format <TAB>)"
  mkdir -p "$WORK/zfunc"
  cp "$SRC/completions/_convstat" "$WORK/zfunc/_convstat"
  # Drives an interactive zsh through zpty; compadd is wrapped to record every candidate.
  cat >"$WORK/zcomplete.zsh" <<'ZSH'
zmodload zsh/zpty
zfunc=$1 out=$2 line=$3
zpty z zsh -f -i
zpty -w z "PROMPT='ZP> '; fpath=($zfunc \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "compadd() { local -a h; builtin compadd -O h \"\$@\"; print -l -- \"\${h[@]}\" >> $out; builtin compadd \"\$@\" }"
zpty -w z 'convstat() { :; }; echo RE""ADY'
# Type only once the line editor shows its prompt again (the terminal is then
# raw: a ^U sent earlier would be the kernel's line kill, not zle's).
zpty -r z ignored '*READY*ZP> *'
zpty -w -n z "$line"$'\t'
zpty -w -n z $'\C-u'
zpty -w z 'echo DO""NE'
zpty -r z ignored '*DONE*'
zpty -d z
ZSH
  zsh_complete() {
    : >"$WORK/zout"
    timeout 30 zsh -f "$WORK/zcomplete.zsh" "$WORK/zfunc" "$WORK/zout" "$1" >/dev/null 2>&1 ||
      fail "zsh did not complete '$1' within 30 s"
    { grep -v '^$' "$WORK/zout" || true; } | sort -u >"$WORK/reply"
  }
  zsh_complete 'convstat cache '
  expect_reply_is info check audit vacuum
  zsh_complete 'convstat overview --format '
  expect_reply_is table json csv md pdf junit ndjson
else
  echo "skip: zsh is not installed: completions/_convstat not checked"
fi

if command -v fish >/dev/null 2>&1; then
  check "fish -n completions/convstat.fish parses"
  fish -n "$SRC/completions/convstat.fish" || fail "fish cannot parse completions/convstat.fish"
  pass
  check "fish: completions/convstat.fish completes (cache <TAB>, --format <TAB>, completion <TAB>)"
  fish_complete() {
    fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$SRC/completions/convstat.fish" "$1" |
      cut -f1 | sort -u >"$WORK/reply"
  }
  fish_complete 'convstat cache '
  expect_reply_is info check audit vacuum
  fish_complete 'convstat overview --format '
  expect_reply_is table json csv md pdf junit ndjson
  fish_complete 'convstat completion '
  expect_reply_is bash zsh fish
else
  echo "skip: fish is not installed: completions/convstat.fish not checked"
fi

# --- man pages ----------------------------------------------------------------
for page in man/convstat.1 man/convstat-data.7; do
  check "groff -man -Tutf8 -ww renders $page without a warning"
  command -v groff >/dev/null 2>&1 || fail "groff is not installed (scripts/install-deps.sh installs groff-base)"
  groff -man -Tutf8 -ww -z "$SRC/$page" 2>"$WORK/groff.err" || fail "groff failed on $page"
  [[ ! -s "$WORK/groff.err" ]] || fail "groff warns on $page: $(head -5 "$WORK/groff.err")"
  pass
done
if command -v man >/dev/null 2>&1; then
  check "man ./man/convstat.1 shows the page"
  # captured whole: `man | grep -q` under pipefail fails when grep exits before man has written it all
  shown=$(MANPAGER=cat MANWIDTH=80 man "$SRC/man/convstat.1" 2>/dev/null || true)
  [[ "$shown" == *"GLOBAL OPTIONS"* ]] || fail "man cannot show man/convstat.1"
  pass
else
  echo "skip: man is not installed: man ./man/convstat.1 not tried"
fi

done_checks
