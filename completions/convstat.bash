# bash completion for convstat                                -*- shell-script -*-
# Generated from the command tree by `convstat completion bash`: do not edit;
# regenerate with `make completions`. Self-contained: needs bash, not the
# bash-completion package. Install as
# ~/.local/share/bash-completion/completions/convstat, or source it from ~/.bashrc.

# Sets _cs_commands (subcommands), _cs_options (every option accepted) and
# _cs_parent (the command whose options this one also accepts) for command line $1.
_convstat_spec() {
    case $1 in
        'convstat')
            _cs_commands='overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion'
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='' ;;
        'convstat overview')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --compare --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat resolution')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --compare --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat sla')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --compare --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat csat')
            _cs_commands='responses'
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --compare --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat csat responses')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --limit --offset --compare --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat csat' ;;
        'convstat teams')
            _cs_commands=''
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat agents')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat conversation')
            _cs_commands=''
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat insights')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat dashboard')
            _cs_commands=''
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat search')
            _cs_commands=''
            _cs_options='-h --help --section --limit --bot --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat bot')
            _cs_commands=''
            _cs_options='-h --help --channel --team --assignee --priority --section --compare --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat calls')
            _cs_commands='resolution search'
            _cs_options='-h --help --bot --outcome --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat calls resolution')
            _cs_commands=''
            _cs_options='-h --help --bot --outcome --section --compare --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat calls' ;;
        'convstat calls search')
            _cs_commands=''
            _cs_options='-h --help --bot --outcome --section --phone --limit --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat calls' ;;
        'convstat unified')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --outcome --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat usage')
            _cs_commands='daily monthly'
            _cs_options='-h --help --channel --bot --team --assignee --priority --outcome --section --by --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat usage daily')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --outcome --by --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat usage' ;;
        'convstat usage monthly')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --outcome --by --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat usage' ;;
        'convstat latency')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --by --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat sessions')
            _cs_commands='costs metrics list'
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat sessions costs')
            _cs_commands=''
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat sessions' ;;
        'convstat sessions metrics')
            _cs_commands=''
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat sessions' ;;
        'convstat sessions list')
            _cs_commands=''
            _cs_options='-h --help --section --sort --limit --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat sessions' ;;
        'convstat feedback')
            _cs_commands='add'
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat feedback add')
            _cs_commands=''
            _cs_options='-h --help --section --conversation --rating --rating-type --text --category --incorrect-response --too-slow --unhelpful --offensive --turn --message --channel --bot --team --assignee --priority --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat feedback' ;;
        'convstat leads')
            _cs_commands=''
            _cs_options='-h --help --bot --section --group-by --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat daily')
            _cs_commands='messages chats users csat ai-quality errors'
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat daily messages')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --limit --cursor --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat daily' ;;
        'convstat daily chats')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --limit --cursor --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat daily' ;;
        'convstat daily users')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --limit --cursor --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat daily' ;;
        'convstat daily csat')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --limit --cursor --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat daily' ;;
        'convstat daily ai-quality')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --limit --cursor --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat daily' ;;
        'convstat daily errors')
            _cs_commands=''
            _cs_options='-h --help --section --limit --cursor --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat daily' ;;
        'convstat engagement')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat realtime')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --section --window --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat check')
            _cs_commands=''
            _cs_options='-h --help --rule --rules --allow-missing --channel --bot --team --assignee --priority --outcome --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat metrics')
            _cs_commands='explain'
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat metrics explain')
            _cs_commands=''
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat metrics' ;;
        'convstat sync')
            _cs_commands=''
            _cs_options='-h --help --wait --page-size --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat backends')
            _cs_commands='test'
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat backends test')
            _cs_commands=''
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat backends' ;;
        'convstat doctor')
            _cs_commands=''
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat import')
            _cs_commands=''
            _cs_options='-h --help --type --input-format --skip-invalid --rejects --assume-tz --max-errors --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat export')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --outcome --no-redact --include-transcripts --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat report')
            _cs_commands='list show'
            _cs_options='-h --help --channel --bot --team --assignee --priority --outcome --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat report list')
            _cs_commands=''
            _cs_options='-h --help --section --channel --bot --team --assignee --priority --outcome --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat report' ;;
        'convstat report show')
            _cs_commands=''
            _cs_options='-h --help --channel --bot --team --assignee --priority --outcome --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat report' ;;
        'convstat demo')
            _cs_commands=''
            _cs_options='-h --help --conversations --seed --days --tenants --fresh --version --cache --config --profile --tenant --from --to --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat cache')
            _cs_commands='info check audit vacuum'
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        'convstat cache info')
            _cs_commands=''
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat cache' ;;
        'convstat cache check')
            _cs_commands=''
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat cache' ;;
        'convstat cache audit')
            _cs_commands=''
            _cs_options='-h --help --section --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat cache' ;;
        'convstat cache vacuum')
            _cs_commands=''
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat cache' ;;
        'convstat completion')
            _cs_commands=''
            _cs_options='-h --help --version --cache --config --profile --tenant --from --to --days --period --tz --as-of -f --format -o --output --backend -q --quiet -v --verbose --no-color --refresh --offline'
            _cs_parent='convstat' ;;
        *) return 1 ;;
    esac
}

# REPLY: how the value of option $2, declared on command line $1, completes
# (flag: it takes none; text: free text; files; words:LIST); 1 when not declared there.
_convstat_option() {
    case "$1 $2" in
        'convstat -h'|'convstat --help') REPLY='flag' ;;
        'convstat --version') REPLY='flag' ;;
        'convstat --cache') REPLY='files' ;;
        'convstat --config') REPLY='files' ;;
        'convstat --profile') REPLY='text' ;;
        'convstat --tenant') REPLY='text' ;;
        'convstat --from') REPLY='text' ;;
        'convstat --to') REPLY='text' ;;
        'convstat --days') REPLY='text' ;;
        'convstat --period') REPLY='words:today yesterday week month year last-week last-month last-year' ;;
        'convstat --tz') REPLY='text' ;;
        'convstat --as-of') REPLY='text' ;;
        'convstat -f'|'convstat --format') REPLY='words:table json csv md pdf junit ndjson' ;;
        'convstat -o'|'convstat --output') REPLY='files' ;;
        'convstat --backend') REPLY='text' ;;
        'convstat -q'|'convstat --quiet') REPLY='flag' ;;
        'convstat -v'|'convstat --verbose') REPLY='flag' ;;
        'convstat --no-color') REPLY='flag' ;;
        'convstat --refresh') REPLY='flag' ;;
        'convstat --offline') REPLY='flag' ;;
        'convstat overview -h'|'convstat overview --help') REPLY='flag' ;;
        'convstat overview --channel') REPLY='text' ;;
        'convstat overview --bot') REPLY='text' ;;
        'convstat overview --team') REPLY='text' ;;
        'convstat overview --assignee') REPLY='text' ;;
        'convstat overview --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat overview --section') REPLY='text' ;;
        'convstat overview --compare') REPLY='words:previous' ;;
        'convstat resolution -h'|'convstat resolution --help') REPLY='flag' ;;
        'convstat resolution --channel') REPLY='text' ;;
        'convstat resolution --bot') REPLY='text' ;;
        'convstat resolution --team') REPLY='text' ;;
        'convstat resolution --assignee') REPLY='text' ;;
        'convstat resolution --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat resolution --section') REPLY='text' ;;
        'convstat resolution --compare') REPLY='words:previous' ;;
        'convstat sla -h'|'convstat sla --help') REPLY='flag' ;;
        'convstat sla --channel') REPLY='text' ;;
        'convstat sla --bot') REPLY='text' ;;
        'convstat sla --team') REPLY='text' ;;
        'convstat sla --assignee') REPLY='text' ;;
        'convstat sla --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat sla --section') REPLY='text' ;;
        'convstat sla --compare') REPLY='words:previous' ;;
        'convstat csat -h'|'convstat csat --help') REPLY='flag' ;;
        'convstat csat --channel') REPLY='text' ;;
        'convstat csat --bot') REPLY='text' ;;
        'convstat csat --team') REPLY='text' ;;
        'convstat csat --assignee') REPLY='text' ;;
        'convstat csat --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat csat --section') REPLY='text' ;;
        'convstat csat --compare') REPLY='words:previous' ;;
        'convstat csat responses -h'|'convstat csat responses --help') REPLY='flag' ;;
        'convstat csat responses --channel') REPLY='text' ;;
        'convstat csat responses --bot') REPLY='text' ;;
        'convstat csat responses --team') REPLY='text' ;;
        'convstat csat responses --assignee') REPLY='text' ;;
        'convstat csat responses --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat csat responses --section') REPLY='text' ;;
        'convstat csat responses --limit') REPLY='text' ;;
        'convstat csat responses --offset') REPLY='text' ;;
        'convstat teams -h'|'convstat teams --help') REPLY='flag' ;;
        'convstat teams --section') REPLY='text' ;;
        'convstat agents -h'|'convstat agents --help') REPLY='flag' ;;
        'convstat agents --channel') REPLY='text' ;;
        'convstat agents --bot') REPLY='text' ;;
        'convstat agents --team') REPLY='text' ;;
        'convstat agents --assignee') REPLY='text' ;;
        'convstat agents --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat agents --section') REPLY='text' ;;
        'convstat conversation -h'|'convstat conversation --help') REPLY='flag' ;;
        'convstat conversation --section') REPLY='text' ;;
        'convstat insights -h'|'convstat insights --help') REPLY='flag' ;;
        'convstat insights --channel') REPLY='text' ;;
        'convstat insights --bot') REPLY='text' ;;
        'convstat insights --team') REPLY='text' ;;
        'convstat insights --assignee') REPLY='text' ;;
        'convstat insights --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat insights --section') REPLY='text' ;;
        'convstat dashboard -h'|'convstat dashboard --help') REPLY='flag' ;;
        'convstat dashboard --section') REPLY='text' ;;
        'convstat search -h'|'convstat search --help') REPLY='flag' ;;
        'convstat search --section') REPLY='text' ;;
        'convstat search --limit') REPLY='text' ;;
        'convstat search --bot') REPLY='text' ;;
        'convstat bot -h'|'convstat bot --help') REPLY='flag' ;;
        'convstat bot --channel') REPLY='text' ;;
        'convstat bot --team') REPLY='text' ;;
        'convstat bot --assignee') REPLY='text' ;;
        'convstat bot --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat bot --section') REPLY='text' ;;
        'convstat bot --compare') REPLY='flag' ;;
        'convstat calls -h'|'convstat calls --help') REPLY='flag' ;;
        'convstat calls --bot') REPLY='text' ;;
        'convstat calls --outcome') REPLY='text' ;;
        'convstat calls --section') REPLY='text' ;;
        'convstat calls resolution -h'|'convstat calls resolution --help') REPLY='flag' ;;
        'convstat calls resolution --bot') REPLY='text' ;;
        'convstat calls resolution --outcome') REPLY='text' ;;
        'convstat calls resolution --section') REPLY='text' ;;
        'convstat calls resolution --compare') REPLY='words:previous' ;;
        'convstat calls search -h'|'convstat calls search --help') REPLY='flag' ;;
        'convstat calls search --bot') REPLY='text' ;;
        'convstat calls search --outcome') REPLY='text' ;;
        'convstat calls search --section') REPLY='text' ;;
        'convstat calls search --phone') REPLY='text' ;;
        'convstat calls search --limit') REPLY='text' ;;
        'convstat unified -h'|'convstat unified --help') REPLY='flag' ;;
        'convstat unified --channel') REPLY='text' ;;
        'convstat unified --bot') REPLY='text' ;;
        'convstat unified --team') REPLY='text' ;;
        'convstat unified --assignee') REPLY='text' ;;
        'convstat unified --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat unified --outcome') REPLY='text' ;;
        'convstat unified --section') REPLY='text' ;;
        'convstat usage -h'|'convstat usage --help') REPLY='flag' ;;
        'convstat usage --channel') REPLY='text' ;;
        'convstat usage --bot') REPLY='text' ;;
        'convstat usage --team') REPLY='text' ;;
        'convstat usage --assignee') REPLY='text' ;;
        'convstat usage --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat usage --outcome') REPLY='text' ;;
        'convstat usage --section') REPLY='text' ;;
        'convstat usage --by') REPLY='words:provider model' ;;
        'convstat usage daily -h'|'convstat usage daily --help') REPLY='flag' ;;
        'convstat usage daily --channel') REPLY='text' ;;
        'convstat usage daily --bot') REPLY='text' ;;
        'convstat usage daily --team') REPLY='text' ;;
        'convstat usage daily --assignee') REPLY='text' ;;
        'convstat usage daily --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat usage daily --section') REPLY='text' ;;
        'convstat usage monthly -h'|'convstat usage monthly --help') REPLY='flag' ;;
        'convstat usage monthly --channel') REPLY='text' ;;
        'convstat usage monthly --bot') REPLY='text' ;;
        'convstat usage monthly --team') REPLY='text' ;;
        'convstat usage monthly --assignee') REPLY='text' ;;
        'convstat usage monthly --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat usage monthly --section') REPLY='text' ;;
        'convstat latency -h'|'convstat latency --help') REPLY='flag' ;;
        'convstat latency --channel') REPLY='text' ;;
        'convstat latency --bot') REPLY='text' ;;
        'convstat latency --team') REPLY='text' ;;
        'convstat latency --assignee') REPLY='text' ;;
        'convstat latency --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat latency --section') REPLY='text' ;;
        'convstat latency --by') REPLY='words:language optimization_level' ;;
        'convstat sessions -h'|'convstat sessions --help') REPLY='flag' ;;
        'convstat sessions costs -h'|'convstat sessions costs --help') REPLY='flag' ;;
        'convstat sessions costs --section') REPLY='text' ;;
        'convstat sessions metrics -h'|'convstat sessions metrics --help') REPLY='flag' ;;
        'convstat sessions metrics --section') REPLY='text' ;;
        'convstat sessions list -h'|'convstat sessions list --help') REPLY='flag' ;;
        'convstat sessions list --section') REPLY='text' ;;
        'convstat sessions list --sort') REPLY='words:cost latency failures' ;;
        'convstat sessions list --limit') REPLY='text' ;;
        'convstat feedback -h'|'convstat feedback --help') REPLY='flag' ;;
        'convstat feedback --channel') REPLY='text' ;;
        'convstat feedback --bot') REPLY='text' ;;
        'convstat feedback --team') REPLY='text' ;;
        'convstat feedback --assignee') REPLY='text' ;;
        'convstat feedback --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat feedback --section') REPLY='text' ;;
        'convstat feedback add -h'|'convstat feedback add --help') REPLY='flag' ;;
        'convstat feedback add --section') REPLY='text' ;;
        'convstat feedback add --conversation') REPLY='text' ;;
        'convstat feedback add --rating') REPLY='text' ;;
        'convstat feedback add --rating-type') REPLY='words:thumbs stars' ;;
        'convstat feedback add --text') REPLY='text' ;;
        'convstat feedback add --category') REPLY='text' ;;
        'convstat feedback add --incorrect-response') REPLY='flag' ;;
        'convstat feedback add --too-slow') REPLY='flag' ;;
        'convstat feedback add --unhelpful') REPLY='flag' ;;
        'convstat feedback add --offensive') REPLY='flag' ;;
        'convstat feedback add --turn') REPLY='text' ;;
        'convstat feedback add --message') REPLY='text' ;;
        'convstat leads -h'|'convstat leads --help') REPLY='flag' ;;
        'convstat leads --bot') REPLY='text' ;;
        'convstat leads --section') REPLY='text' ;;
        'convstat leads --group-by') REPLY='words:day week month' ;;
        'convstat daily -h'|'convstat daily --help') REPLY='flag' ;;
        'convstat daily messages -h'|'convstat daily messages --help') REPLY='flag' ;;
        'convstat daily messages --channel') REPLY='text' ;;
        'convstat daily messages --bot') REPLY='text' ;;
        'convstat daily messages --team') REPLY='text' ;;
        'convstat daily messages --assignee') REPLY='text' ;;
        'convstat daily messages --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat daily messages --section') REPLY='text' ;;
        'convstat daily messages --limit') REPLY='text' ;;
        'convstat daily messages --cursor') REPLY='text' ;;
        'convstat daily chats -h'|'convstat daily chats --help') REPLY='flag' ;;
        'convstat daily chats --channel') REPLY='text' ;;
        'convstat daily chats --bot') REPLY='text' ;;
        'convstat daily chats --team') REPLY='text' ;;
        'convstat daily chats --assignee') REPLY='text' ;;
        'convstat daily chats --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat daily chats --section') REPLY='text' ;;
        'convstat daily chats --limit') REPLY='text' ;;
        'convstat daily chats --cursor') REPLY='text' ;;
        'convstat daily users -h'|'convstat daily users --help') REPLY='flag' ;;
        'convstat daily users --channel') REPLY='text' ;;
        'convstat daily users --bot') REPLY='text' ;;
        'convstat daily users --team') REPLY='text' ;;
        'convstat daily users --assignee') REPLY='text' ;;
        'convstat daily users --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat daily users --section') REPLY='text' ;;
        'convstat daily users --limit') REPLY='text' ;;
        'convstat daily users --cursor') REPLY='text' ;;
        'convstat daily csat -h'|'convstat daily csat --help') REPLY='flag' ;;
        'convstat daily csat --channel') REPLY='text' ;;
        'convstat daily csat --bot') REPLY='text' ;;
        'convstat daily csat --team') REPLY='text' ;;
        'convstat daily csat --assignee') REPLY='text' ;;
        'convstat daily csat --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat daily csat --section') REPLY='text' ;;
        'convstat daily csat --limit') REPLY='text' ;;
        'convstat daily csat --cursor') REPLY='text' ;;
        'convstat daily ai-quality -h'|'convstat daily ai-quality --help') REPLY='flag' ;;
        'convstat daily ai-quality --channel') REPLY='text' ;;
        'convstat daily ai-quality --bot') REPLY='text' ;;
        'convstat daily ai-quality --team') REPLY='text' ;;
        'convstat daily ai-quality --assignee') REPLY='text' ;;
        'convstat daily ai-quality --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat daily ai-quality --section') REPLY='text' ;;
        'convstat daily ai-quality --limit') REPLY='text' ;;
        'convstat daily ai-quality --cursor') REPLY='text' ;;
        'convstat daily errors -h'|'convstat daily errors --help') REPLY='flag' ;;
        'convstat daily errors --section') REPLY='text' ;;
        'convstat daily errors --limit') REPLY='text' ;;
        'convstat daily errors --cursor') REPLY='text' ;;
        'convstat engagement -h'|'convstat engagement --help') REPLY='flag' ;;
        'convstat engagement --channel') REPLY='text' ;;
        'convstat engagement --bot') REPLY='text' ;;
        'convstat engagement --team') REPLY='text' ;;
        'convstat engagement --assignee') REPLY='text' ;;
        'convstat engagement --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat engagement --section') REPLY='text' ;;
        'convstat realtime -h'|'convstat realtime --help') REPLY='flag' ;;
        'convstat realtime --channel') REPLY='text' ;;
        'convstat realtime --bot') REPLY='text' ;;
        'convstat realtime --team') REPLY='text' ;;
        'convstat realtime --assignee') REPLY='text' ;;
        'convstat realtime --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat realtime --section') REPLY='text' ;;
        'convstat realtime --window') REPLY='text' ;;
        'convstat check -h'|'convstat check --help') REPLY='flag' ;;
        'convstat check --rule') REPLY='text' ;;
        'convstat check --rules') REPLY='files' ;;
        'convstat check --allow-missing') REPLY='flag' ;;
        'convstat check --channel') REPLY='text' ;;
        'convstat check --bot') REPLY='text' ;;
        'convstat check --team') REPLY='text' ;;
        'convstat check --assignee') REPLY='text' ;;
        'convstat check --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat check --outcome') REPLY='text' ;;
        'convstat check --section') REPLY='text' ;;
        'convstat metrics -h'|'convstat metrics --help') REPLY='flag' ;;
        'convstat metrics --section') REPLY='text' ;;
        'convstat metrics explain -h'|'convstat metrics explain --help') REPLY='flag' ;;
        'convstat sync -h'|'convstat sync --help') REPLY='flag' ;;
        'convstat sync --wait') REPLY='text' ;;
        'convstat sync --page-size') REPLY='text' ;;
        'convstat backends -h'|'convstat backends --help') REPLY='flag' ;;
        'convstat backends test -h'|'convstat backends test --help') REPLY='flag' ;;
        'convstat doctor -h'|'convstat doctor --help') REPLY='flag' ;;
        'convstat import -h'|'convstat import --help') REPLY='flag' ;;
        'convstat import --type') REPLY='words:conversation message csat call turn usage feedback lead event kb_article' ;;
        'convstat import --input-format') REPLY='words:ndjson json csv' ;;
        'convstat import --skip-invalid') REPLY='flag' ;;
        'convstat import --rejects') REPLY='files' ;;
        'convstat import --assume-tz') REPLY='text' ;;
        'convstat import --max-errors') REPLY='text' ;;
        'convstat export -h'|'convstat export --help') REPLY='flag' ;;
        'convstat export --channel') REPLY='text' ;;
        'convstat export --bot') REPLY='text' ;;
        'convstat export --team') REPLY='text' ;;
        'convstat export --assignee') REPLY='text' ;;
        'convstat export --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat export --outcome') REPLY='text' ;;
        'convstat export --no-redact') REPLY='flag' ;;
        'convstat export --include-transcripts') REPLY='flag' ;;
        'convstat report -h'|'convstat report --help') REPLY='flag' ;;
        'convstat report --channel') REPLY='text' ;;
        'convstat report --bot') REPLY='text' ;;
        'convstat report --team') REPLY='text' ;;
        'convstat report --assignee') REPLY='text' ;;
        'convstat report --priority') REPLY='words:urgent high medium low unset' ;;
        'convstat report --outcome') REPLY='text' ;;
        'convstat report list -h'|'convstat report list --help') REPLY='flag' ;;
        'convstat report list --section') REPLY='text' ;;
        'convstat report show -h'|'convstat report show --help') REPLY='flag' ;;
        'convstat demo -h'|'convstat demo --help') REPLY='flag' ;;
        'convstat demo --conversations') REPLY='text' ;;
        'convstat demo --seed') REPLY='text' ;;
        'convstat demo --days') REPLY='text' ;;
        'convstat demo --tenants') REPLY='text' ;;
        'convstat demo --fresh') REPLY='flag' ;;
        'convstat cache -h'|'convstat cache --help') REPLY='flag' ;;
        'convstat cache info -h'|'convstat cache info --help') REPLY='flag' ;;
        'convstat cache info --section') REPLY='text' ;;
        'convstat cache check -h'|'convstat cache check --help') REPLY='flag' ;;
        'convstat cache audit -h'|'convstat cache audit --help') REPLY='flag' ;;
        'convstat cache audit --section') REPLY='text' ;;
        'convstat cache vacuum -h'|'convstat cache vacuum --help') REPLY='flag' ;;
        'convstat completion -h'|'convstat completion --help') REPLY='flag' ;;
        *) return 1 ;;
    esac
}

# REPLY: how positional argument $2 (0-based) of command line $1 completes.
_convstat_argument() {
    REPLY=
    case $1 in
        'convstat conversation')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat search')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat bot')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat sessions costs')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat sessions metrics')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat metrics explain')
            case $2 in
                0) REPLY='files' ;;
            esac ;;
        'convstat sync')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat backends test')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat import')
            case $2 in
                *) REPLY='files' ;;
            esac ;;
        'convstat export')
            case $2 in
                0) REPLY='words:conversations messages csat calls turns usage feedback leads events kb_articles' ;;
            esac ;;
        'convstat report')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat report show')
            case $2 in
                0) REPLY='text' ;;
            esac ;;
        'convstat completion')
            case $2 in
                0) REPLY='words:bash zsh fish' ;;
            esac ;;
    esac
}

# Fills COMPREPLY from a hint: words:LIST (those starting with $cur) or files.
_convstat_reply() {
    local line
    case $1 in
        words:*) while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -W "${1#words:}" -- "$cur") ;;
        files)
            compopt -o filenames 2>/dev/null || :
            while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur") ;;
    esac
}

# REPLY: how option $2 completes on command line $1, declared there or on a parent.
_convstat_lookup() {
    local command=$1
    while [[ -n $command ]]; do
        _convstat_option "$command" "$2" && return 0
        _convstat_spec "$command" || return 1
        command=$_cs_parent
    done
    return 1
}

_convstat() {
    local cur prev word command i npos=0 prefix= REPLY= _cs_commands= _cs_options= _cs_parent=
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]-}
    prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # --option=value: bash splits it into --option, = and value (COMP_WORDBREAKS).
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
    fi
    # Find the command line so far, skipping option values and counting positionals.
    command=convstat
    for ((i = 1; i < COMP_CWORD; ++i)); do
        word=${COMP_WORDS[i]}
        case $word in
            = | --*=*) ;;
            -) ((++npos)) ;;
            -*)
                if _convstat_lookup "$command" "$word" && [[ $REPLY != flag ]]; then
                    ((++i))
                    if [[ ${COMP_WORDS[i]-} == = ]]; then ((++i)); fi
                fi ;;
            *)
                _convstat_spec "$command"
                if [[ " $_cs_commands " == *" $word "* ]]; then
                    command="$command $word" npos=0
                else
                    ((++npos))
                fi ;;
        esac
    done
    if [[ $prev == -* ]] && _convstat_lookup "$command" "$prev" && [[ $REPLY != flag ]]; then
        _convstat_reply "$REPLY"
        [[ -n $prefix ]] && COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
        return 0
    fi
    [[ -n $prefix ]] && return 0
    _convstat_spec "$command"
    if [[ $cur == -* ]]; then
        _convstat_reply "words:$_cs_options"
    elif [[ -n $_cs_commands ]]; then
        _convstat_reply "words:$_cs_commands"
    else
        _convstat_argument "$command" "$npos"
        _convstat_reply "$REPLY"
    fi
    return 0
}

complete -F _convstat convstat
