# fish completion for convstat. Generated from the command tree by
# `convstat completion fish`: do not edit; regenerate with `make completions`.
# Install as ~/.config/fish/completions/convstat.fish.

# No file names unless an option or argument takes one.
complete -c convstat -f

# convstat: options accepted after every command
complete -c convstat -s h -l help -d 'Print this help message and exit'
complete -c convstat -l version -d 'Display program version information and exit'
complete -c convstat -l cache -r -F -d 'SQLite cache file (env CONVSTAT_CACHE; default $XDG_DATA_HOME/convstat/cache.db)'
complete -c convstat -l config -r -F -d 'config file (env CONVSTAT_CONFIG; default $XDG_CONFIG_HOME/convstat/config.toml)'
complete -c convstat -l profile -x -d 'use [profile.NAME] of the config (env CONVSTAT_PROFILE)'
complete -c convstat -l tenant -x -d 'only this tenant\'s records (env CONVSTAT_TENANT)'
complete -c convstat -l from -x -d 'range start: YYYY-MM-DD (in --tz) or an RFC 3339 datetime'
complete -c convstat -l to -x -d 'range end: a date is included whole; a datetime is exclusive'
complete -c convstat -l days -x -d 'the N whole days ending today (default 30)'
complete -c convstat -l period -x -a 'today yesterday week month year last-week last-month last-year' -d 'today|yesterday|week|month|year|last-week|last-month|last-year'
complete -c convstat -l tz -x -d 'IANA time zone for days, hours and weekdays (env CONVSTAT_TZ; default UTC)'
complete -c convstat -l as-of -x -d 'the instant open work is judged at (RFC 3339; default now)'
complete -c convstat -s f -l format -x -a 'table json csv md pdf' -d 'table|json|csv|md|pdf (env CONVSTAT_FORMAT; default table)'
complete -c convstat -s o -l output -r -F -d 'write to FILE atomically instead of stdout'
complete -c convstat -s q -l quiet -d 'print nothing but results and errors'
complete -c convstat -s v -l verbose -d 'explain what is done on stderr (never secrets)'
complete -c convstat -l no-color -d 'no colour in tables (also NO_COLOR)'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution import demo cache completion' -a 'overview' -d 'Conversation overview: volume, resolution, escalation, channels'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution import demo cache completion' -a 'resolution' -d 'Resolution rates: AI, human and overall, by priority'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution import demo cache completion' -a 'import' -d 'Load canonical records from NDJSON, JSON or CSV files (or - for stdin)'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution import demo cache completion' -a 'demo' -d 'Fill the cache with deterministic, realistic demo data'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution import demo cache completion' -a 'cache' -d 'Inspect and maintain the local cache'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution import demo cache completion' -a 'completion' -d 'Print a shell completion script (bash, zsh or fish)'

# convstat overview
complete -c convstat -n '__fish_seen_subcommand_from overview' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat resolution
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat import
complete -c convstat -n '__fish_seen_subcommand_from import' -l type -x -a 'conversation message csat call turn usage feedback lead event kb_article' -d 'record type of objects without "type" (required for CSV)'
complete -c convstat -n '__fish_seen_subcommand_from import' -l input-format -x -a 'ndjson json csv' -d 'format of - or of files without a known extension'
complete -c convstat -n '__fish_seen_subcommand_from import' -l skip-invalid -d 'write the valid records; send invalid ones to --rejects'
complete -c convstat -n '__fish_seen_subcommand_from import' -l rejects -r -F -d 'rejects file for --skip-invalid (default ./convstat-rejects.ndjson)'
complete -c convstat -n '__fish_seen_subcommand_from import' -l assume-tz -x -d 'zone of timestamps written without a UTC offset'
complete -c convstat -n '__fish_seen_subcommand_from import' -l max-errors -x -d 'how many errors to list (default 50)'
complete -c convstat -n '__fish_seen_subcommand_from import' -F

# convstat demo
complete -c convstat -n '__fish_seen_subcommand_from demo' -l conversations -x -d 'how many conversations (default 5000)'
complete -c convstat -n '__fish_seen_subcommand_from demo' -l seed -x -d 'random seed: the same seed gives the same data (default 42)'
complete -c convstat -n '__fish_seen_subcommand_from demo' -l days -x -d 'days of history ending at --as-of (default 90)'
complete -c convstat -n '__fish_seen_subcommand_from demo' -l tenants -x -d 'number of tenants (default 1: acme)'
complete -c convstat -n '__fish_seen_subcommand_from demo' -l fresh -d 'delete every record of the cache first'

# convstat cache
complete -c convstat -n '__fish_seen_subcommand_from cache; and not __fish_seen_subcommand_from info check vacuum' -a 'info' -d 'Record counts per type, oldest/newest record, schema version, size'
complete -c convstat -n '__fish_seen_subcommand_from cache; and not __fish_seen_subcommand_from info check vacuum' -a 'check' -d 'Integrity check; exit 5 when the cache is damaged'
complete -c convstat -n '__fish_seen_subcommand_from cache; and not __fish_seen_subcommand_from info check vacuum' -a 'vacuum' -d 'Compact the cache file'

# convstat cache info
complete -c convstat -n '__fish_seen_subcommand_from cache; and __fish_seen_subcommand_from info' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat completion
complete -c convstat -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
