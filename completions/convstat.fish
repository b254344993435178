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
complete -c convstat -s f -l format -x -a 'table json csv md pdf junit ndjson' -d 'table|json|csv|md|pdf|junit|ndjson (env CONVSTAT_FORMAT; default table; junit: check only; ndjson: export only)'
complete -c convstat -s o -l output -r -F -d 'write to FILE atomically instead of stdout (strftime date patterns expand at --as-of)'
complete -c convstat -l backend -x -d 'ask the [backend.NAME] of the config for the KPIs it serves (env CONVSTAT_BACKEND)'
complete -c convstat -s q -l quiet -d 'print nothing but results and errors'
complete -c convstat -s v -l verbose -d 'explain what is done on stderr (never secrets)'
complete -c convstat -l no-color -d 'no colour in tables (also NO_COLOR)'
complete -c convstat -l refresh -d 'served KPIs: ask the backend again even for a stable cached answer'
complete -c convstat -l offline -d 'served KPIs: answer only from the cache, never ask the backend'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'overview' -d 'Conversation overview: volume, resolution, escalation, channels'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'resolution' -d 'Resolution rates: AI, human and overall, by priority'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'sla' -d 'SLA compliance: first response and resolution targets, by priority and team'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'csat' -d 'CSAT analytics: ratings, distribution, daily trend, per agent, response rate'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'teams' -d 'Teams of the tenant\'s conversations, all time'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'agents' -d 'Human agent and team performance: assigned, resolved, response and resolution times'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'conversation' -d 'One conversation: messages, response time, duration, topics, sentiment, CSAT'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'insights' -d 'Insights: CSAT, busiest hours, topics, agents, help center, SLA trend, email, timings'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'dashboard' -d 'One-screen summary: bots, conversations, messages, leads, contacts, calls, daily usage'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'search' -d 'Full-text search over conversation subjects and message texts (all time)'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'bot' -d 'One AI agent: response times, quality, volume; --compare against the company'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'calls' -d 'Voice call metrics: KPIs, daily volume, outcomes, peak-hours heatmap'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'unified' -d 'Cross-product overview: voice, support and knowledge base, shares and blended resolution'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'usage' -d 'Usage patterns: interactions per hour, weekday and month, LLM usage, tokens per call, API'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'latency' -d 'Pipeline latency percentiles per stage (asr, llm, translation, tts, total) over turns'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'sessions' -d 'Speech/LLM sessions: costs, metrics, list'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'feedback' -d 'User feedback: thumbs, stars, flags, categories'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'leads' -d 'Lead analytics: conversions, funnel, sources, growth per day, week or month'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'daily' -d 'Daily series in the seed 004 envelope: messages, chats, users, csat, ai-quality, errors'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'engagement' -d 'User engagement: active, new and returning users, weekly retention, satisfaction'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'realtime' -d 'Real-time: active sessions, messages per minute and active calls before as-of'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'check' -d 'Evaluate threshold rules on KPIs; exit 1 when one fails (CI gate)'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'metrics' -d 'List every metric path with its definition (for check rules)'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'sync' -d 'Pull records from a configured backend (files, postgres, aurion, analytic) into the cache, incrementally'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'backends' -d 'List the configured backends: kind, what each serves, last sync'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'doctor' -d 'One health summary: config, cache, time-zone data, backends'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'import' -d 'Load canonical records from NDJSON, JSON or CSV files (or - for stdin)'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'export' -d 'Stream one record type out of the cache as NDJSON, JSON or CSV (redacted)'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'report' -d 'A multi-section report: support, voice, ai, executive or a [report.NAME] of the config; saved'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'demo' -d 'Fill the cache with deterministic, realistic demo data'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'cache' -d 'Inspect and maintain the local cache'
complete -c convstat -n 'not __fish_seen_subcommand_from overview resolution sla csat teams agents conversation insights dashboard search bot calls unified usage latency sessions feedback leads daily engagement realtime check metrics sync backends doctor import export report demo cache completion' -a 'completion' -d 'Print a shell completion script (bash, zsh or fish)'

# convstat overview
complete -c convstat -n '__fish_seen_subcommand_from overview' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from overview' -l compare -x -a 'previous' -d 'also compute the equally long range just before'

# convstat resolution
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from resolution' -l compare -x -a 'previous' -d 'also compute the equally long range just before'

# convstat sla
complete -c convstat -n '__fish_seen_subcommand_from sla' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from sla' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from sla' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from sla' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from sla' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from sla' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from sla' -l compare -x -a 'previous' -d 'also compute the equally long range just before'

# convstat csat
complete -c convstat -n '__fish_seen_subcommand_from csat' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from csat' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from csat' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from csat' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from csat' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from csat' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from csat' -l compare -x -a 'previous' -d 'also compute the equally long range just before'
complete -c convstat -n '__fish_seen_subcommand_from csat; and not __fish_seen_subcommand_from responses' -a 'responses' -d 'CSAT responses one by one, newest first, with conversation and agent'

# convstat csat responses
complete -c convstat -n '__fish_seen_subcommand_from csat; and __fish_seen_subcommand_from responses' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from csat; and __fish_seen_subcommand_from responses' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from csat; and __fish_seen_subcommand_from responses' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from csat; and __fish_seen_subcommand_from responses' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from csat; and __fish_seen_subcommand_from responses' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from csat; and __fish_seen_subcommand_from responses' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from csat; and __fish_seen_subcommand_from responses' -l limit -x -d 'page size, 1-200 (default 50)'
complete -c convstat -n '__fish_seen_subcommand_from csat; and __fish_seen_subcommand_from responses' -l offset -x -d 'responses to skip, 0 or more (default 0)'

# convstat teams
complete -c convstat -n '__fish_seen_subcommand_from teams' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat agents
complete -c convstat -n '__fish_seen_subcommand_from agents' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from agents' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from agents' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from agents' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from agents' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from agents' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat conversation
complete -c convstat -n '__fish_seen_subcommand_from conversation' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat insights
complete -c convstat -n '__fish_seen_subcommand_from insights' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from insights' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from insights' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from insights' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from insights' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from insights' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat dashboard
complete -c convstat -n '__fish_seen_subcommand_from dashboard' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat search
complete -c convstat -n '__fish_seen_subcommand_from search' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from search' -l limit -x -d 'results to print, 1-50 (default 10)'
complete -c convstat -n '__fish_seen_subcommand_from search' -l bot -x -d 'with --backend NAME of kind analytic: the agent (UUID) whose documents are searched'

# convstat bot
complete -c convstat -n '__fish_seen_subcommand_from bot' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from bot' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from bot' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from bot' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from bot' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from bot' -l compare -d 'print each number as {value, company_average, difference, difference_pct}'

# convstat calls
complete -c convstat -n '__fish_seen_subcommand_from calls' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from calls' -l outcome -x -d 'only calls with this outcome'
complete -c convstat -n '__fish_seen_subcommand_from calls' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from calls; and not __fish_seen_subcommand_from resolution search' -a 'resolution' -d 'Call resolution: FCR trend, resolution by category, resolution time, period comparison'
complete -c convstat -n '__fish_seen_subcommand_from calls; and not __fish_seen_subcommand_from resolution search' -a 'search' -d 'Calls by phone number digits (redacted; each search is audit-logged)'

# convstat calls resolution
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from resolution' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from resolution' -l outcome -x -d 'only calls with this outcome'
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from resolution' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from resolution' -l compare -x -a 'previous' -d 'add period_comparison against the equally long range just before'

# convstat calls search
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from search' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from search' -l outcome -x -d 'only calls with this outcome'
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from search' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from search' -l phone -x -d 'digits to look for: at least 4; spaces, \'+\', \'-\' are ignored'
complete -c convstat -n '__fish_seen_subcommand_from calls; and __fish_seen_subcommand_from search' -l limit -x -d 'results to print, 1-100 (default 50)'

# convstat unified
complete -c convstat -n '__fish_seen_subcommand_from unified' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from unified' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from unified' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from unified' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from unified' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from unified' -l outcome -x -d 'only calls with this outcome'
complete -c convstat -n '__fish_seen_subcommand_from unified' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat usage
complete -c convstat -n '__fish_seen_subcommand_from usage' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from usage' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from usage' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from usage' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from usage' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from usage' -l outcome -x -d 'only calls with this outcome'
complete -c convstat -n '__fish_seen_subcommand_from usage' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from usage' -l by -x -a 'provider model' -d 'group llm_usage by provider (default) or by provider and model'
complete -c convstat -n '__fish_seen_subcommand_from usage; and not __fish_seen_subcommand_from daily monthly' -a 'daily' -d 'Daily usage: conversations, messages and active users per day, zero-filled'
complete -c convstat -n '__fish_seen_subcommand_from usage; and not __fish_seen_subcommand_from daily monthly' -a 'monthly' -d 'Monthly usage: conversations, messages and active users per month, zero-filled'

# convstat usage daily
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from daily' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from daily' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from daily' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from daily' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from daily' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from daily' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat usage monthly
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from monthly' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from monthly' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from monthly' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from monthly' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from monthly' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from usage; and __fish_seen_subcommand_from monthly' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat latency
complete -c convstat -n '__fish_seen_subcommand_from latency' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from latency' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from latency' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from latency' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from latency' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from latency' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from latency' -l by -x -a 'language optimization_level' -d 'one group per language_code or optimization_level'

# convstat sessions
complete -c convstat -n '__fish_seen_subcommand_from sessions; and not __fish_seen_subcommand_from costs metrics list' -a 'costs' -d 'One session\'s costs by service and provider, cache savings (any time)'
complete -c convstat -n '__fish_seen_subcommand_from sessions; and not __fish_seen_subcommand_from costs metrics list' -a 'metrics' -d 'One session\'s turns, stage latencies, cache hits, guardrails, cost (any time)'
complete -c convstat -n '__fish_seen_subcommand_from sessions; and not __fish_seen_subcommand_from costs metrics list' -a 'list' -d 'Sessions with turns or usage in the range, costliest (or slowest, most failing) first'

# convstat sessions costs
complete -c convstat -n '__fish_seen_subcommand_from sessions; and __fish_seen_subcommand_from costs' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat sessions metrics
complete -c convstat -n '__fish_seen_subcommand_from sessions; and __fish_seen_subcommand_from metrics' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat sessions list
complete -c convstat -n '__fish_seen_subcommand_from sessions; and __fish_seen_subcommand_from list' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from sessions; and __fish_seen_subcommand_from list' -l sort -x -a 'cost latency failures' -d 'cost (default), latency or failures, descending'
complete -c convstat -n '__fish_seen_subcommand_from sessions; and __fish_seen_subcommand_from list' -l limit -x -d 'sessions to print, 1-1000 (default 50)'

# convstat feedback
complete -c convstat -n '__fish_seen_subcommand_from feedback' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from feedback' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from feedback' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from feedback' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from feedback' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from feedback' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and not __fish_seen_subcommand_from add' -a 'add' -d 'Store one feedback record (id = next integer of the tenant, created_at = --as-of or now)'

# convstat feedback add
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l conversation -x -d 'the session (conversation) id'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l rating -x -d 'thumbs: -1 or 1; stars: 1-5'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l rating-type -x -a 'thumbs stars' -d 'thumbs or stars'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l text -x -d 'free-form feedback text'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l category -x -d 'feedback category (quality, accuracy, speed, ...)'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l incorrect-response -d 'flag: the response was incorrect'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l too-slow -d 'flag: the response was too slow'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l unhelpful -d 'flag: the response was unhelpful'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l offensive -d 'flag: the response was offensive'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l turn -x -d 'the turn id'
complete -c convstat -n '__fish_seen_subcommand_from feedback; and __fish_seen_subcommand_from add' -l message -x -d 'the message id'

# convstat leads
complete -c convstat -n '__fish_seen_subcommand_from leads' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from leads' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from leads' -l group-by -x -a 'day week month' -d 'growth buckets: day, week (ISO, default) or month'

# convstat daily
complete -c convstat -n '__fish_seen_subcommand_from daily; and not __fish_seen_subcommand_from messages chats users csat ai-quality errors' -a 'messages' -d 'Messages in and out, thumbs and human-takeover requests and starts per day'
complete -c convstat -n '__fish_seen_subcommand_from daily; and not __fish_seen_subcommand_from messages chats users csat ai-quality errors' -a 'chats' -d 'Conversations started per day'
complete -c convstat -n '__fish_seen_subcommand_from daily; and not __fish_seen_subcommand_from messages chats users csat ai-quality errors' -a 'users' -d 'Unique and returning users per day (exact distinct contacts)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and not __fish_seen_subcommand_from messages chats users csat ai-quality errors' -a 'csat' -d 'CSAT responses and mean score per day'
complete -c convstat -n '__fish_seen_subcommand_from daily; and not __fish_seen_subcommand_from messages chats users csat ai-quality errors' -a 'ai-quality' -d 'Mean AI quality score per day'
complete -c convstat -n '__fish_seen_subcommand_from daily; and not __fish_seen_subcommand_from messages chats users csat ai-quality errors' -a 'errors' -d 'api_error events per day'

# convstat daily messages
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from messages' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from messages' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from messages' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from messages' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from messages' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from messages' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from messages' -l limit -x -d 'days per page, 1-365 (default: every day of the range)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from messages' -l cursor -x -d 'continue with the next_cursor of the previous page (same command, range and --tz)'

# convstat daily chats
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from chats' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from chats' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from chats' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from chats' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from chats' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from chats' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from chats' -l limit -x -d 'days per page, 1-365 (default: every day of the range)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from chats' -l cursor -x -d 'continue with the next_cursor of the previous page (same command, range and --tz)'

# convstat daily users
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from users' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from users' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from users' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from users' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from users' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from users' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from users' -l limit -x -d 'days per page, 1-365 (default: every day of the range)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from users' -l cursor -x -d 'continue with the next_cursor of the previous page (same command, range and --tz)'

# convstat daily csat
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from csat' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from csat' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from csat' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from csat' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from csat' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from csat' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from csat' -l limit -x -d 'days per page, 1-365 (default: every day of the range)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from csat' -l cursor -x -d 'continue with the next_cursor of the previous page (same command, range and --tz)'

# convstat daily ai-quality
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from ai-quality' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from ai-quality' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from ai-quality' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from ai-quality' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from ai-quality' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from ai-quality' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from ai-quality' -l limit -x -d 'days per page, 1-365 (default: every day of the range)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from ai-quality' -l cursor -x -d 'continue with the next_cursor of the previous page (same command, range and --tz)'

# convstat daily errors
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from errors' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from errors' -l limit -x -d 'days per page, 1-365 (default: every day of the range)'
complete -c convstat -n '__fish_seen_subcommand_from daily; and __fish_seen_subcommand_from errors' -l cursor -x -d 'continue with the next_cursor of the previous page (same command, range and --tz)'

# convstat engagement
complete -c convstat -n '__fish_seen_subcommand_from engagement' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from engagement' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from engagement' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from engagement' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from engagement' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from engagement' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat realtime
complete -c convstat -n '__fish_seen_subcommand_from realtime' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from realtime' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from realtime' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from realtime' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from realtime' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from realtime' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from realtime' -l window -x -d 'the window before as-of in minutes, 1-1440 (default 5)'

# convstat check
complete -c convstat -n '__fish_seen_subcommand_from check' -l rule -x -d 'a rule PATH OP NUMBER, e.g. \'overview.escalation_rate <= 15\' (repeatable)'
complete -c convstat -n '__fish_seen_subcommand_from check' -l rules -r -F -d 'a file of rules, one a line, # comments'
complete -c convstat -n '__fish_seen_subcommand_from check' -l allow-missing -d 'a null actual value is SKIP, not FAIL'
complete -c convstat -n '__fish_seen_subcommand_from check' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from check' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from check' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from check' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from check' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from check' -l outcome -x -d 'only calls with this outcome'
complete -c convstat -n '__fish_seen_subcommand_from check' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat metrics
complete -c convstat -n '__fish_seen_subcommand_from metrics' -l section -x -d 'csv: the section to print (default: the main list)'
complete -c convstat -n '__fish_seen_subcommand_from metrics; and not __fish_seen_subcommand_from explain' -a 'explain' -d 'Print the definition of one metric path'

# convstat metrics explain
complete -c convstat -n '__fish_seen_subcommand_from metrics; and __fish_seen_subcommand_from explain' -F

# convstat sync
complete -c convstat -n '__fish_seen_subcommand_from sync' -l wait -x -d 'seconds to wait while another sync holds the cache (default 30)'
complete -c convstat -n '__fish_seen_subcommand_from sync' -l page-size -x -d 'postgres: rows per page, one transaction each (default 5000)'

# convstat backends
complete -c convstat -n '__fish_seen_subcommand_from backends; and not __fish_seen_subcommand_from test' -a 'test' -d 'Check that each backend (or NAME) answers; exit 4 when one fails'

# convstat import
complete -c convstat -n '__fish_seen_subcommand_from import' -l type -x -a 'conversation message csat call turn usage feedback lead event kb_article' -d 'record type of objects without "type" (required for CSV)'
complete -c convstat -n '__fish_seen_subcommand_from import' -l input-format -x -a 'ndjson json csv' -d 'format of - or of files without a known extension'
complete -c convstat -n '__fish_seen_subcommand_from import' -l skip-invalid -d 'write the valid records; send invalid ones to --rejects'
complete -c convstat -n '__fish_seen_subcommand_from import' -l rejects -r -F -d 'rejects file for --skip-invalid (default ./convstat-rejects.ndjson)'
complete -c convstat -n '__fish_seen_subcommand_from import' -l assume-tz -x -d 'zone of timestamps written without a UTC offset'
complete -c convstat -n '__fish_seen_subcommand_from import' -l max-errors -x -d 'how many errors to list (default 50)'
complete -c convstat -n '__fish_seen_subcommand_from import' -F

# convstat export
complete -c convstat -n '__fish_seen_subcommand_from export' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from export' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from export' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from export' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from export' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from export' -l outcome -x -d 'only calls with this outcome'
complete -c convstat -n '__fish_seen_subcommand_from export' -l no-redact -d 'keep phone numbers and e-mail addresses'
complete -c convstat -n '__fish_seen_subcommand_from export' -l include-transcripts -d 'include message texts, call transcripts and feedback user_input/assistant_response'
complete -c convstat -n '__fish_seen_subcommand_from export' -a 'conversations messages csat calls turns usage feedback leads events kb_articles'

# convstat report
complete -c convstat -n '__fish_seen_subcommand_from report' -l channel -x -d 'only conversations on this channel'
complete -c convstat -n '__fish_seen_subcommand_from report' -l bot -x -d 'only this AI agent\'s conversations, calls and leads'
complete -c convstat -n '__fish_seen_subcommand_from report' -l team -x -d 'only this team (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from report' -l assignee -x -d 'only this human agent (id or name)'
complete -c convstat -n '__fish_seen_subcommand_from report' -l priority -x -a 'urgent high medium low unset' -d 'urgent|high|medium|low|unset'
complete -c convstat -n '__fish_seen_subcommand_from report' -l outcome -x -d 'only calls with this outcome'
complete -c convstat -n '__fish_seen_subcommand_from report; and not __fish_seen_subcommand_from list show' -a 'list' -d 'The saved reports, newest first'
complete -c convstat -n '__fish_seen_subcommand_from report; and not __fish_seen_subcommand_from list show' -a 'show' -d 'Re-render a saved report (any format) without recomputing it'

# convstat report list
complete -c convstat -n '__fish_seen_subcommand_from report; and __fish_seen_subcommand_from list' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat demo
complete -c convstat -n '__fish_seen_subcommand_from demo' -l conversations -x -d 'how many conversations (default 5000)'
complete -c convstat -n '__fish_seen_subcommand_from demo' -l seed -x -d 'random seed: the same seed gives the same data (default 42)'
complete -c convstat -n '__fish_seen_subcommand_from demo' -l days -x -d 'days of history ending at --as-of (default 90)'
complete -c convstat -n '__fish_seen_subcommand_from demo' -l tenants -x -d 'number of tenants (default 1: acme)'
complete -c convstat -n '__fish_seen_subcommand_from demo' -l fresh -d 'delete every record of the cache first'

# convstat cache
complete -c convstat -n '__fish_seen_subcommand_from cache; and not __fish_seen_subcommand_from info check audit vacuum' -a 'info' -d 'Record counts per type, oldest/newest record, schema version, size'
complete -c convstat -n '__fish_seen_subcommand_from cache; and not __fish_seen_subcommand_from info check audit vacuum' -a 'check' -d 'Integrity check; exit 5 when the cache is damaged'
complete -c convstat -n '__fish_seen_subcommand_from cache; and not __fish_seen_subcommand_from info check audit vacuum' -a 'audit' -d 'Phone searches (redacted) and exports, oldest first'
complete -c convstat -n '__fish_seen_subcommand_from cache; and not __fish_seen_subcommand_from info check audit vacuum' -a 'vacuum' -d 'Compact the cache file'

# convstat cache info
complete -c convstat -n '__fish_seen_subcommand_from cache; and __fish_seen_subcommand_from info' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat cache audit
complete -c convstat -n '__fish_seen_subcommand_from cache; and __fish_seen_subcommand_from audit' -l section -x -d 'csv: the section to print (default: the main list)'

# convstat completion
complete -c convstat -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
