#!/usr/bin/env python3
"""Deterministic helpdesk data for the scale benchmark (bench/scale).

Usage: bench/gen_helpdesk.py N OUTDIR [--end 2026-06-30] [--days 365]

Writes N conversations of one tenant ("bigco") spread over DAYS days ending
at END, as the canonical records of spec/data-model.md, in two layouts of the
same values:
- NDJSON for `convstat import` and DuckDB's read_json: conversations.ndjson,
  side.ndjson (csat responses, the messages of email conversations,
  kb_articles);
- CSV for `sqlite3 .import`: conversations.csv (epoch-millisecond integers,
  the columns of convstat's cache table; topics as a JSON array, empty when none).
The same N and END always give the same bytes (random.Random seeded by N).
"""
import argparse, csv, datetime as dt, json, os, random

CHANNELS = [("chat", 40), ("email", 20), ("web", 15), ("whatsapp", 12), ("voice", 8), ("sms", 5)]
PRIORITIES = [("urgent", 5), ("high", 15), ("medium", 50), ("low", 25), (None, 5)]
# (first response target, resolution target) in minutes per priority
TARGETS = {"urgent": (15, 240), "high": (30, 480), "medium": (60, 1440), "low": (240, 2880), None: (None, None)}
TOPICS = ["billing", "refund", "login", "vpn", "shipping", "password reset", "outage", "invoice", "upgrade",
          "cancellation", "api", "mobile app", "security", "onboarding", "integration", "export"]
TEAMS = [("team-%02d" % i, "Team %02d" % i) for i in range(1, 13)]
AGENTS = [("agent-%03d" % i, "Agent %03d" % i, TEAMS[i % len(TEAMS)]) for i in range(1, 121)]
CONV_COLUMNS = ["id", "tenant", "bot_id", "channel", "started_at", "first_response_at", "resolved_at", "resolved_by",
                "escalated_at", "priority", "team_id", "team_name", "assignee_id", "assignee_name", "contact_id",
                "topics", "first_response_due_at", "resolution_due_at"]


def iso(ms):
    return dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ms % 1000)


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--end", default="2026-06-30")
    ap.add_argument("--days", type=int, default=365)
    args = ap.parse_args()
    rng = random.Random(args.n)
    end = dt.datetime.fromisoformat(args.end).replace(tzinfo=dt.timezone.utc) + dt.timedelta(days=1)
    end_ms = int(end.timestamp() * 1000)
    span_ms = args.days * 86_400_000
    start_ms = end_ms - span_ms
    os.makedirs(args.outdir, exist_ok=True)
    step = span_ms / args.n
    with open(os.path.join(args.outdir, "conversations.ndjson"), "w") as nd, \
            open(os.path.join(args.outdir, "conversations.csv"), "w", newline="") as cf, \
            open(os.path.join(args.outdir, "side.ndjson"), "w") as side:
        out = csv.writer(cf)
        out.writerow(CONV_COLUMNS)
        for i in range(args.n):
            started = start_ms + int(i * step) + rng.randrange(int(step) + 1 if step >= 1 else 1)
            started = min(started, end_ms - 1)
            # busier in working hours: skew a third of the conversations to 08:00-18:00 UTC
            if rng.random() < 0.33:
                day0 = started - started % 86_400_000
                started = day0 + (8 * 3600 + rng.randrange(10 * 3600)) * 1000 + started % 1000
            channel = pick(rng, CHANNELS)
            priority = pick(rng, PRIORITIES)
            human = rng.random() < 0.6
            agent = rng.choice(AGENTS) if human else None
            team = agent[2] if agent else (rng.choice(TEAMS) if rng.random() < 0.3 else None)
            first = started + int(rng.expovariate(1 / (20 * 60_000 if human else 30_000))) if rng.random() < 0.95 else None
            resolved = None
            resolved_by = None
            if rng.random() < 0.8:
                resolved = (first or started) + int(rng.expovariate(1 / (300 * 60_000 if human else 5 * 60_000)))
                resolved_by = "human" if human else "ai"
            escalated = started + rng.randrange(1, 600_000) if human and rng.random() < 0.4 else None
            fr_target, res_target = TARGETS[priority]
            fr_due = started + fr_target * 60_000 if fr_target else None
            res_due = started + res_target * 60_000 if res_target else None
            topics = rng.sample(TOPICS, rng.randrange(0, 3))
            row = {
                "id": "c%09d" % i, "tenant": "bigco", "bot_id": "bot-%d" % rng.randrange(1, 6), "channel": channel,
                "started_at": started, "first_response_at": first, "resolved_at": resolved,
                "resolved_by": resolved_by, "escalated_at": escalated, "priority": priority,
                "team_id": team[0] if team else None, "team_name": team[1] if team else None,
                "assignee_id": agent[0] if agent else None, "assignee_name": agent[1] if agent else None,
                "contact_id": "u%07d" % rng.randrange(max(1, args.n // 3)), "topics": topics,
                "first_response_due_at": fr_due, "resolution_due_at": res_due,
            }
            record = {"type": "conversation"}
            for k in CONV_COLUMNS:
                v = row[k]
                if v is None or v == []:
                    continue
                record[k] = iso(v) if k.endswith("_at") else v
            nd.write(json.dumps(record, separators=(",", ":")) + "\n")
            out.writerow(["" if row[k] is None else ((json.dumps(row[k]) if row[k] else "") if k == "topics" else row[k])
                          for k in CONV_COLUMNS])
            if rng.random() < 0.3:
                sent = (resolved or started) + 60_000
                rec = {"type": "csat", "id": "s%09d" % i, "tenant": "bigco", "conversation_id": row["id"],
                       "sent_at": iso(sent)}
                if rng.random() < 0.7:
                    rec["responded_at"] = iso(sent + rng.randrange(60_000, 86_400_000))
                    if rng.random() < 0.95:
                        rec["rating"] = pick(rng, [(5, 45), (4, 25), (3, 12), (2, 8), (1, 10)])
                side.write(json.dumps(rec, separators=(",", ":")) + "\n")
            if channel == "email":
                for k in range(2):
                    side.write(json.dumps({"type": "message", "id": "m%09d-%d" % (i, k), "tenant": "bigco",
                                           "conversation_id": row["id"], "at": iso(started + k * 120_000),
                                           "direction": "inbound" if k == 0 else "outbound"},
                                          separators=(",", ":")) + "\n")
        for a in range(60):
            side.write(json.dumps({"type": "kb_article", "id": "kb-%03d" % a, "tenant": "bigco",
                                   "title": "Article %d" % a, "slug": "article-%d" % a, "published": a % 10 != 0,
                                   "views": (a * 7919) % 5000, "helpful": (a * 31) % 200,
                                   "not_helpful": (a * 17) % 50}, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
