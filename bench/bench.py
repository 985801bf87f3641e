#!/usr/bin/env python3
"""newsdb's benchmark: newsdb side by side with what users run instead, in one run.

    bench/bench.py                      # 20k and 100k corpora, 3 runs each, writes bench/RESULTS.md
    bench/bench.py --sizes 20000        # one size
    bench/bench.py --sizes 1000000      # 1M on request (~15 min): writes bench/RESULTS-1M.md
    bench/bench.py --smoke              # 2k, 1 run, no peers' slow paths: checks the harness (CI)

For each corpus size it measures, in the same run and on the same machine state:
  import   newsdb first import (--jobs 1 and --jobs 2), unchanged re-import, re-import after
           touching 1% of the files, and the import of as many other articles (seed 43) into
           the store that holds the first corpus; the Python loader (../shared/bench/py_ingest.py)
           and the sqlite-utils route (../shared/bench/sqlite_utils_ingest.sh) first import; peak
           RSS (wait4's ru_maxrss of the process) and database size.
  queries  topic / provider / date "newest 20", topic facet counts and full-text top 20, each
           process to process with hyperfine: `newsdb ...`, the equivalent raw SQL in the sqlite3
           shell on newsdb's database (newsdb's own overhead), and the peer's question asked of the
           Python loader's database in the sqlite3 shell.
At LARGE sizes (500k files and more; or with --no-peers) the Python peers are not run on the
large corpus (their imports take hours at 1M): no `--jobs 1` import, one run of the 1M import, query
arguments read from newsdb's own database, and the import into a populated store is the 100k
seed-43 corpus into a copy of the 1M store (after the queries; --runs rounds, each on a fresh copy),
alternating with the sqlite-utils route on the same 100k (issue 6: ">= 4x the faster peer ... the
same rate when importing into a store that already holds 1M articles"), and the same corpus into an
empty store, whose 100k store also answers the questions (the 1.3x scaling targets).
Timings are medians; ratios are what to read (the machine is noisy). Single runs of the route moved
its rate by 20% and millisecond query medians by 0.5-1 ms between runs, so the route runs as often
as newsdb's own import, and each query's commands are timed in --query-rounds hyperfine runs with
their order rotated, keeping the median of the rounds' medians. Each newsdb answer is checked
against the raw SQL's (same rows, same order) before it is timed. RESULTS.md opens with issue 6's
targets, each marked met or not from this run's ratios.

Corpora come from tools/gen_corpus.py --seed 42 and are cached under bench/out/.
"""

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The peers (the Python loader, the sqlite-utils route) live outside the repository, in a folder
# beside the checkout, or beside the folder of worktrees when this is one.
SHARED = os.environ.get("NEWSDB_SHARED_DIR") or next(
    (p for p in (os.path.join(ROOT, "..", "shared"), os.path.join(ROOT, "..", "..", "shared"))
     if os.path.isdir(p)), os.path.join(ROOT, "..", "shared"))
GENERATOR = os.path.join(ROOT, "tools", "gen_corpus.py")
LARGE = 500_000   # from this size on, no peers (see above)
OTHER_AT_LARGE = 100_000   # the other corpus imported into a LARGE store
# Issue 6 sets its targets at 100k and 1M (and the scaling from one to the other); other sizes'
# rows are shown with the same ratios, not judged.
JUDGED_SIZES = (100_000, 1_000_000)
PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_measured(cmd, cwd=None, env=None):
    """Runs cmd, returns (seconds, peak RSS in MiB, stdout). Fails loudly on a non-zero exit.

    Output goes to temporary files (no pipe can fill up and stall the child). The peak resident
    set comes from /usr/bin/time (%M, KiB) around the command: a child forked straight from this
    Python process inherits its peak in ru_maxrss (Linux keeps the larger of the pre-exec and
    post-exec peaks), which at 1M files (a list of a million paths here) exceeded newsdb's own."""
    timer = ["/usr/bin/time", "-f", "%M", "-o"] if os.path.exists("/usr/bin/time") else None
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as peak:
        t0 = time.perf_counter()
        p = subprocess.Popen((timer + [peak.name] if timer else []) + list(cmd), cwd=cwd, env=env,
                             stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - t0
        rss_kib = usage.ru_maxrss
        if timer:
            text = peak.read().strip().splitlines()
            rss_kib = int(text[-1]) if text and text[-1].isdigit() else rss_kib
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}:\n"
                               f"{err.read().decode(errors='replace')[-2000:]}")
        return elapsed, rss_kib / 1024.0, out.read().decode(errors="replace")


def db_size(path):
    total = 0
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            total += os.path.getsize(path + suffix)
    return total


def remove_db(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def corpus(size, out_dir, seed=42):
    """The generated corpus of `size` files (cached): seed 42 is the benchmark's corpus; another
    seed gives as many different articles (to import into a store that already holds some)."""
    name = f"corpus-{size}" if seed == 42 else f"corpus-{size}-seed{seed}"
    path = os.path.join(out_dir, name)
    marker = os.path.join(path, ".complete")
    # gen_corpus writes .manifest.json last: a corpus made by hand (or a symlink to a read-only
    # one, as bench/out/corpus-1000000 may be) is complete when it has one.
    if not os.path.exists(marker) and not os.path.exists(os.path.join(path, ".manifest.json")):
        log(f"generating a {size}-file corpus (seed {seed}) in {path}")
        subprocess.run([PY, GENERATOR, "--count", str(size),
                        "--out", path, "--seed", str(seed), "--jobs", "2", "--force", "-q"],
                       check=True)
        open(marker, "w").close()
    return path


def count_files(path):
    n = 0
    for _, _, files in os.walk(path):
        n += sum(1 for f in files if f.endswith(".md"))
    return n


def every_nth_file(path, n):
    """Every n-th .md file of `path` in sorted path order, without listing them all at once."""
    picked, i = [], 0
    for d, dirs, fs in os.walk(path):
        dirs.sort()
        for f in sorted(fs):
            if f.endswith(".md"):
                if i % n == 0:
                    picked.append(os.path.join(d, f))
                i += 1
    return picked


def copy_db(src, dst):
    remove_db(dst)
    for suffix in ("", "-wal"):
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)


def load_now():
    """The machine's load, to say how noisy the numbers are: 1-minute load average and the
    compilers running (other people's builds)."""
    with open("/proc/loadavg") as f:
        load = float(f.read().split()[0])
    compilers = 0
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/comm") as f:
                    if f.read().strip() in ("cc1plus", "cc1", "ld", "ld.gold", "ld.lld"):
                        compilers += 1
            except OSError:
                pass
    return load, compilers


class Bench:
    def __init__(self, args):
        self.args = args
        self.newsdb = args.newsdb
        self.out = args.out
        self.work = tempfile.mkdtemp(prefix="newsdb-bench-", dir=args.out)
        self.rows = []      # import rows
        self.qrows = []     # query rows
        self.notes = []
        self.loads = []     # (size, phase, load average, compilers running)

    def sample_load(self, size, phase):
        self.loads.append((size, phase) + load_now())

    def newsdb_import(self, db, src, jobs):
        secs, rss, out = run_measured([self.newsdb, "--db", db, "import", "--jobs", str(jobs),
                                       "--report", "json", src])
        return secs, rss, json.loads(out)

    def median_of(self, runs, fn):
        results = [fn(i) for i in range(max(1, runs))]
        secs = statistics.median(r[0] for r in results)
        rss = max(r[1] for r in results)
        return secs, rss, results[-1][2]

    def add_row(self, size, tool, what, secs, rss, db, files, detail="", key=None):
        self.rows.append(dict(size=size, tool=tool, what=what, secs=secs, rate=files / secs,
                              rss=rss, db=db_size(db) if db else None, detail=detail, key=key))

    def peers(self, size):
        return not self.args.no_peers and size < LARGE

    def bench_import(self, size, src):
        large = size >= LARGE
        runs = 1 if large else self.args.runs
        few = 1 if self.args.smoke else max(1, runs - 2)   # for the slow peers and --jobs 1
        files = count_files(src)
        db = os.path.join(self.work, f"newsdb-{size}.sqlite")

        for jobs in ((2,) if large else (1, 2)):
            def first(_):
                remove_db(db)
                return self.newsdb_import(db, src, jobs)
            secs, rss, report = self.median_of(runs if jobs == 2 else few, first)
            if report["failed"]:
                raise RuntimeError(f"newsdb failed {report['failed']} files of the corpus")
            self.add_row(size, f"newsdb --jobs {jobs}", "first import", secs, rss, db, files,
                         f"new {report['new']}, updated {report['updated']}", key=f"first{jobs}")
        self.articles = report["new"]
        first_secs = self.rows[-1]["secs"]

        secs, rss, report = self.median_of(runs, lambda _: self.newsdb_import(db, src, 2))
        if report["unchanged"] != report["new"] + report["updated"] + report["unchanged"]:
            raise RuntimeError(f"an unchanged re-import changed something: {report}")
        self.add_row(size, "newsdb --jobs 2", "unchanged re-import", secs, rss, db, files,
                     f"x{first_secs / secs:.0f} faster than first", key="unchanged")

        # Touch 1% of the files (new mtime, same content): newsdb must read and hash them, not
        # parse or rewrite them.
        touched = every_nth_file(src, 100)[: max(1, files // 100)]
        def touch_and_import(_):
            now = time.time()
            for f in touched:
                os.utime(f, (now, now))
            return self.newsdb_import(db, src, 2)
        secs, rss, report = self.median_of(runs, touch_and_import)
        self.add_row(size, "newsdb --jobs 2", "re-import, 1% touched", secs, rss, db, files,
                     f"{len(touched)} touched; x{first_secs / secs:.0f} faster than first",
                     key="touched")
        self.newsdb_db = db
        self.peer_db = None
        if not self.peers(size):
            return

        peer_db = os.path.join(self.work, f"peer-{size}.sqlite")
        def peer(_):
            remove_db(peer_db)
            return run_measured([PY, os.path.join(SHARED, "bench", "py_ingest.py"), "--db",
                                 peer_db, src])
        secs, rss, _ = self.median_of(few, peer)
        self.add_row(size, "py_ingest.py", "first import", secs, rss, peer_db, files, key="py")
        self.peer_db = peer_db

        if not self.args.no_sqlite_utils:
            su_db = os.path.join(self.work, f"sqlite-utils-{size}.sqlite")
            env = dict(os.environ, PYTHON=PY)
            def su(_):
                return run_measured(["bash", os.path.join(SHARED, "bench", "sqlite_utils_ingest.sh"),
                                     src, su_db], env=env)
            # The denominator of issue 6's import targets: as many runs as newsdb's own (its
            # rate moved 1,122-1,454 files/s between single runs).
            secs, rss, _ = self.median_of(runs, su)
            self.add_row(size, "sqlite-utils route", "first import", secs, rss, su_db, files,
                         key="su")
            remove_db(su_db)

    def bench_populated(self, size):
        """Another corpus into the store that holds this one: the rate must not fall with the
        store's size. Below LARGE, one of the same size into a copy of the store; at LARGE sizes
        the 100k one into a copy of the large store, in rounds alternating with the sqlite-utils
        route on the same 100k, and the same corpus into an empty store to compare rates with,
        whose store then answers the questions too (the scaling targets)."""
        large = size >= LARGE
        runs = 1 if self.args.smoke else self.args.runs
        other = corpus(OTHER_AT_LARGE if large else size, self.out, seed=43)
        other_files = count_files(other)
        grown = os.path.join(self.work, f"newsdb-{size}-grown.sqlite")
        def into_populated(_):
            copy_db(self.newsdb_db, grown)
            os.sync()   # the copy's writeback must not land in the timed import
            return self.newsdb_import(grown, other, 2)
        if not large:
            secs, rss, report = self.median_of(runs, into_populated)
            self.add_row(size, "newsdb --jobs 2", f"import into a store of {self.articles:,}",
                         secs, rss, grown, other_files,
                         f"new {report['new']}, updated {report['updated']}", key="populated")
            remove_db(grown)
            return

        empty = os.path.join(self.work, f"newsdb-{OTHER_AT_LARGE}-seed43.sqlite")
        remove_db(empty)
        secs, rss, report = self.newsdb_import(empty, other, 2)
        self.add_row(size, "newsdb --jobs 2", f"the same {other_files:,} into an empty store",
                     secs, rss, empty, other_files,
                     f"new {report['new']}, updated {report['updated']}", key="other-empty")
        self.paired_scaling(empty, self.newsdb_db)
        # Issue 6: ">= 4x the faster peer ... the same rate when importing into a store that
        # already holds 1M articles". Each round imports the 100k into a fresh copy of the 1M
        # store, and runs the sqlite-utils route on the same 100k into an empty DB of its own,
        # the two in alternating order; medians of the rounds (single runs moved 20%).
        su_db = os.path.join(self.work, f"sqlite-utils-{OTHER_AT_LARGE}-seed43.sqlite")
        env = dict(os.environ, PYTHON=PY)
        def su(_):
            remove_db(su_db)
            return run_measured(["bash", os.path.join(SHARED, "bench", "sqlite_utils_ingest.sh"),
                                 other, su_db], env=env)
        ours, theirs = [], []
        for i in range(runs):
            steps = [(ours, into_populated)]
            if not self.args.no_sqlite_utils:
                steps.insert(0 if i % 2 else 1, (theirs, su))
            for results, step in steps:
                results.append(step(i))
        if theirs:
            self.add_row(size, "sqlite-utils route", f"the same {other_files:,} into an empty DB",
                         statistics.median(r[0] for r in theirs), max(r[1] for r in theirs),
                         su_db, other_files, key="su-other")
            remove_db(su_db)
        report = ours[-1][2]
        self.add_row(size, "newsdb --jobs 2", f"import into a store of {self.articles:,}",
                     statistics.median(r[0] for r in ours), max(r[1] for r in ours), grown,
                     other_files, f"new {report['new']}, updated {report['updated']}; "
                     f"{len(ours)} rounds, each into a fresh copy of the store", key="populated")
        remove_db(grown)
        log(f"[{size}] queries on the {OTHER_AT_LARGE:,} store (seed 43)")
        self.newsdb_db = empty
        self.bench_queries(OTHER_AT_LARGE, self.arguments)
        remove_db(empty)

    # --- queries -------------------------------------------------------------------------------

    def pick_arguments(self):
        """The most and a rarely used topic, the largest provider and a date window, read from
        the peer's DB (independent of newsdb), or from newsdb's own when no peer ran."""
        if self.peer_db:
            con = sqlite3.connect(f"file:{self.peer_db}?mode=ro", uri=True)
            by_count = con.execute("SELECT topic, count(*) AS n FROM article_topics GROUP BY "
                                   "topic ORDER BY n DESC, topic").fetchall()
            domain = con.execute("SELECT provider_domain FROM articles GROUP BY provider_domain "
                                 "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            newest = con.execute("SELECT max(published_at) FROM articles").fetchone()[0]
            end = datetime.datetime.strptime(newest, "%Y-%m-%dT%H:%M:%SZ")
        else:
            con = sqlite3.connect(f"file:{self.newsdb_db}?mode=ro", uri=True)
            by_count = con.execute("SELECT t.name, count(*) AS n FROM article_topics x JOIN topics "
                                   "t ON t.id = x.topic_id GROUP BY x.topic_id "
                                   "ORDER BY n DESC, t.name").fetchall()
            domain = con.execute("SELECT p.domain FROM articles a JOIN providers p ON p.id = "
                                 "a.provider_id GROUP BY a.provider_id ORDER BY count(*) DESC "
                                 "LIMIT 1").fetchone()[0]
            newest = con.execute("SELECT max(published_at) FROM articles").fetchone()[0]
            end = datetime.datetime.fromtimestamp(newest, datetime.timezone.utc).replace(tzinfo=None)
        con.close()
        common = by_count[0][0]
        rare = next((t for t, n in reversed(by_count) if n >= 20 and t.isascii()), by_count[-1][0])
        start = end - datetime.timedelta(days=30)
        return (common, rare, domain, start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                end.strftime("%Y-%m-%dT%H:%M:%SZ"))

    def hyperfine(self, commands):
        """Times each command (a list of argv lists) process to process, interleaved in one
        hyperfine run; returns the median ms of each."""
        export = os.path.join(self.work, "hyperfine.json")
        runs = "5" if self.args.smoke else str(self.args.query_runs)
        cmd = ["hyperfine", "-N", "--warmup", "3", "--runs", runs, "--export-json", export,
               "--style", "none"]
        cmd += [shlex.join(c) for c in commands]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(export) as f:
            data = json.load(f)
        return [statistics.median(r["times"]) * 1000.0 for r in data["results"]]

    def check_same_rows(self, name, newsdb_cmd, raw_cmd):
        """The harness is only worth its numbers if both sides answer the same question."""
        a = subprocess.run(newsdb_cmd, check=True, capture_output=True, text=True).stdout.split("\n")
        b = subprocess.run(raw_cmd, check=True, capture_output=True, text=True).stdout.split("\n")
        a = [line for line in a if line]
        b = [line for line in b if line]
        if raw_cmd[:1] == [self.newsdb] and "sql" in raw_cmd:
            b = b[1:]  # newsdb's TSV has a header row
        if not a:
            raise RuntimeError(f"{name}: newsdb answered nothing")
        if a != b:
            raise RuntimeError(f"{name}: newsdb and raw SQL disagree:\n{a[:3]}\n{b[:3]}")
        return len(a)

    def query_cases(self, arguments):
        """(name, key, newsdb argv, raw SQL on newsdb's DB, the peer's SQL on its own DB or None).

        The raw SQL is what newsdb's schema (src/store/sqlite/schema.cpp) answers each question
        with; the peer's is py_query.py's own SQL, as its users would run it."""
        common, rare, domain, since, until = arguments
        db, peer = self.newsdb_db, self.peer_db
        nd = [self.newsdb, "--db", db]
        lit = lambda s: "'" + s.replace("'", "''") + "'"
        sq = lambda database, sql, *opts: (["sqlite3", "-readonly", *opts, database, sql]
                                           if database else None)
        ts = lambda iso: int(datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
                             .replace(tzinfo=datetime.timezone.utc).timestamp())
        peer_cols = "a.published_at, a.provider_domain, a.title, a.original_url"

        def topic(name, t):
            return (name, nd + ["query", "--topic", t, "--limit", "20", "--format", "urls"],
                    sq(db, "SELECT a.url FROM article_topics t JOIN articles a ON a.id = t.article_id "
                           f"WHERE t.topic_id = (SELECT id FROM topics WHERE name_key = lower({lit(t)})) "
                           "ORDER BY t.published_at DESC, a.url LIMIT 20"),
                    sq(peer, f"SELECT {peer_cols} FROM article_topics t JOIN articles a ON a.id = "
                             f"t.article_id WHERE t.topic = {lit(t)} ORDER BY a.published_at DESC "
                             "LIMIT 20"))

        # What newsdb's search language makes of each word (src/store/sqlite/fts_query.hpp): the
        # word, its Snowball English stem marked "~", and the stem itself. articles_fts uses
        # newsdb's own tokenizer, which the sqlite3 shell lacks, so the raw SQL runs in `newsdb sql`.
        stems = {"market": "market", "supply": "suppli", "chain": "chain"}

        def word_match(w):
            s = stems[w]
            alternatives = [f'"{w}"', f'"~{s}"'] + ([f'"{s}"'] if s != w else [])
            return "(" + " OR ".join(alternatives) + ")"

        def search(name, words):
            match = " AND ".join(word_match(w) for w in words.split())
            return (name, nd + ["search", words, "--limit", "20", "--format", "urls"],
                    nd + ["sql", "--format", "tsv",
                          "SELECT a.url FROM articles_fts JOIN articles a ON a.id = "
                          f"articles_fts.rowid WHERE articles_fts MATCH {lit(match)} "
                          "ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0, 2.0), a.url LIMIT 20"],
                    sq(peer, f"SELECT {peer_cols}, bm25(articles_fts, 10.0, 5.0, 1.0) AS score "
                             "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                             f"WHERE articles_fts MATCH {lit(match)} ORDER BY score LIMIT 20"))

        return [
            ("topic",) + topic(f"topic `{common}`, newest 20", common),
            ("rare-topic",) + topic(f"topic `{rare}`, newest 20", rare),
            ("provider",
             f"provider `{domain}`, newest 20",
             nd + ["query", "--provider", domain, "--limit", "20", "--format", "urls"],
             sq(db, "SELECT a.url FROM articles a WHERE a.provider_id = (SELECT id FROM providers "
                    f"WHERE domain_key = lower({lit(domain)})) "
                    "ORDER BY a.published_at DESC, a.url LIMIT 20"),
             sq(peer, f"SELECT {peer_cols} FROM articles a WHERE a.provider_domain = {lit(domain)} "
                      "ORDER BY a.published_at DESC LIMIT 20")),
            ("date",
             "date window (30 days), newest 20",
             nd + ["query", "--since", since, "--until", until, "--limit", "20", "--format", "urls"],
             sq(db, f"SELECT url FROM articles WHERE published_at BETWEEN {ts(since)} AND "
                    f"{ts(until)} ORDER BY published_at DESC, url LIMIT 20"),
             sq(peer, f"SELECT {peer_cols} FROM articles a WHERE a.published_at BETWEEN "
                      f"{lit(since)} AND {lit(until)} ORDER BY a.published_at DESC LIMIT 20")),
            ("facets",
             "topic facet counts (all topics)",
             nd + ["topics", "--limit", "0", "--format", "tsv"],
             sq(db, "SELECT t.name AS name, count(*) AS count FROM article_topics x "
                    "JOIN topics t ON t.id = x.topic_id "
                    "GROUP BY x.topic_id ORDER BY count(*) DESC, t.name_key, t.name",
                "-tabs", "-header"),
             sq(peer, "SELECT topic, count(*) AS n FROM article_topics GROUP BY topic "
                      "ORDER BY n DESC, topic")),
            ("search",) + search("full-text `market`, top 20", "market"),
            ("search2",) + search("full-text `supply chain`, top 20", "supply chain"),
        ]

    def bench_queries(self, size, arguments=None):
        self.arguments = arguments or self.pick_arguments()
        for key, name, newsdb_cmd, raw_cmd, peer_cmd in self.query_cases(self.arguments):
            try:
                hits = self.check_same_rows(name, newsdb_cmd, raw_cmd)
            except RuntimeError as e:
                self.notes.append(f"{size:,}: {e}")
                hits = None
            if self.peer_db:
                t_newsdb, t_raw, t_peer = self.timed_rounds([newsdb_cmd, raw_cmd, peer_cmd])
            else:
                (t_newsdb, t_raw), t_peer = self.timed_rounds([newsdb_cmd, raw_cmd]), None
            self.qrows.append(dict(size=size, key=key, question=name, rows=hits, newsdb=t_newsdb,
                                   raw=t_raw, peer=t_peer))

    def timed_rounds(self, commands):
        """The median ms of each command over --query-rounds hyperfine runs, the commands' order
        rotated from round to round (a machine that slows down during one round weighs on every
        command alike); each round's own figure is hyperfine's median."""
        rounds = 1 if self.args.smoke else self.args.query_rounds
        times = [[] for _ in commands]
        for r in range(rounds):
            order = [(i + r) % len(commands) for i in range(len(commands))]
            for i, t in zip(order, self.hyperfine([commands[i] for i in order])):
                times[i].append(t)
        return [statistics.median(t) for t in times]

    def paired_scaling(self, small_db, large_db):
        """The 1.3x scaling targets compare one question on the small and the large store. Timed
        minutes apart, their millisecond medians moved by more than the margin judged; here each
        pair is timed together, in rounds with the order rotated."""
        keep = self.newsdb_db
        try:
            self.newsdb_db = small_db
            small = {c[0]: c[2] for c in self.query_cases(self.arguments)}
            self.newsdb_db = large_db
            large = {c[0]: c[2] for c in self.query_cases(self.arguments)}
        finally:
            self.newsdb_db = keep
        self.pairs = {key: tuple(self.timed_rounds([small[key], large[key]]))
                      for key in ("topic", "provider", "date")}

    # --- report --------------------------------------------------------------------------------

    def machine(self):
        model = "unknown CPU"
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        model = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        sqlite_version = subprocess.run(["sqlite3", "--version"], capture_output=True,
                                        text=True).stdout.split()[0]
        version = subprocess.run([self.newsdb, "--version"], capture_output=True, text=True).stdout.strip()
        return (f"{os.cpu_count()} CPUs ({model}), {mem:.0f} GiB, {platform.platform()}, "
                f"SQLite {sqlite_version}, {version}")

    def row(self, size, key):
        return next((r for r in self.rows if r["size"] == size and r["key"] == key), None)

    def qrow(self, size, key):
        return next((q for q in self.qrows if q["size"] == size and q["key"] == key), None)

    def targets(self):
        """Issue 6's targets, each as (target, measured, met?), from this run's ratios."""
        out = []
        sizes = sorted({r["size"] for r in self.rows})
        for size in sizes:
            size_begins = len(out)
            su, first = self.row(size, "su"), self.row(size, "first2")
            if su and first:
                ratio = su["secs"] / first["secs"]
                out.append((f"{size:,}: first import >= 4x the sqlite-utils route",
                            f"{ratio:.1f}x ({first['rate']:,.0f} vs {su['rate']:,.0f} files/s)",
                            ratio >= 4))
            pop, other_empty = self.row(size, "populated"), self.row(size, "other-empty")
            if pop and other_empty:
                ratio = pop["rate"] / other_empty["rate"]
                # Shown, not judged: how much the store's size costs. The bar is the row below.
                out.append((f"{size:,}: rate into the store of {size:,} / into an empty store",
                            f"{ratio:.2f} ({pop['rate']:,.0f} vs {other_empty['rate']:,.0f} "
                            "files/s)", None))
            su_other = self.row(size, "su-other")
            if su_other and pop:
                ratio = pop["rate"] / su_other["rate"]
                out.append((f"{size:,}: import of the {OTHER_AT_LARGE:,} into a store of {size:,} "
                            ">= 4x the sqlite-utils route on the same corpus (the first-import "
                            "rate, into the large store)",
                            f"{ratio:.1f}x ({pop['rate']:,.0f} vs {su_other['rate']:,.0f} "
                            "files/s)", ratio >= 4))
            if su and pop:
                ratio = pop["rate"] / su["rate"]
                out.append((f"{size:,}: import into a populated store >= 4x the sqlite-utils route",
                            f"{ratio:.1f}x ({pop['rate']:,.0f} files/s; "
                            f"{pop['rate'] / first['rate']:.2f} of the empty-store rate)",
                            ratio >= 4))
            unchanged = self.row(size, "unchanged")
            if first and unchanged:
                ratio = first["secs"] / unchanged["secs"]
                out.append((f"{size:,}: unchanged re-import >= 20x faster than first",
                            f"{ratio:.0f}x", ratio >= 20))
            rss = max(r["rss"] for r in self.rows if r["size"] == size
                      and r["tool"].startswith("newsdb"))
            out.append((f"{size:,}: newsdb peak RSS < 100 MiB", f"{rss:.0f} MiB", rss < 100))
            for key in ("topic", "provider"):
                q = self.qrow(size, key)
                if q and q["peer"]:
                    ratio = q["peer"] / q["newsdb"]
                    out.append((f"{size:,}: {q['question']}: >= 10x faster than the peer's DB in "
                                "the sqlite3 shell", f"{ratio:.1f}x", ratio >= 10))
            for key in ("topic", "rare-topic", "provider", "date"):
                q = self.qrow(size, key)
                if q:
                    ratio = q["newsdb"] / q["raw"]
                    out.append((f"{size:,}: {q['question']}: within 1.5x of raw SQL",
                                f"{ratio:.2f}x", ratio <= 1.5))
            for key in ("search", "search2"):
                q = self.qrow(size, key)
                if q:
                    ratio = q["newsdb"] / q["raw"]
                    out.append((f"{size:,}: {q['question']}: within 2x of raw FTS5",
                                f"{ratio:.2f}x", ratio <= 2))
            if size not in JUDGED_SIZES:
                out[size_begins:] = [(t, m, None) for t, m, _ in out[size_begins:]]
        qsizes = sorted({q["size"] for q in self.qrows})
        pairs = getattr(self, "pairs", None)
        if pairs:
            large = max(r["size"] for r in self.rows)
            for key, (t_small, t_large) in pairs.items():
                ratio = t_large / t_small
                out.append((f"{key} newest 20 at {large:,} < 1.3x its time at {OTHER_AT_LARGE:,} "
                            f"(timed together, {self.args.query_rounds} rounds)",
                            f"{ratio:.2f}x ({t_large:.1f} vs {t_small:.1f} ms)",
                            ratio < 1.3 if large in JUDGED_SIZES else None))
        elif len(qsizes) >= 2:
            small, large = qsizes[-2], qsizes[-1]
            for key in ("topic", "provider", "date"):
                a, b = self.qrow(small, key), self.qrow(large, key)
                if a and b:
                    ratio = b["newsdb"] / a["newsdb"]
                    out.append((f"{key} newest 20 at {large:,} < 1.3x its time at {small:,}",
                                f"{ratio:.2f}x",
                                ratio < 1.3 if (small, large) == JUDGED_SIZES else None))
        return out

    def report(self):
        lines = []
        lines.append(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on "
                     f"{self.machine()}.")
        lines.append(f"Command: `{' '.join(self.args.argv)}`; imports are medians of "
                     f"{self.args.runs} runs (py_ingest and `--jobs 1`: "
                     f"{1 if self.args.smoke else max(1, self.args.runs - 2)}; at 1M the 1M import "
                     "once), queries the median of "
                     f"{1 if self.args.smoke else self.args.query_rounds} rounds' hyperfine medians "
                     "(order rotated); warm page cache.")
        loads = ", ".join(f"{size:,} {phase}: {load:.1f} ({cc} compiler processes)"
                          for size, phase, load, cc in self.loads)
        lines.append(f"Machine load (1-minute load average on {os.cpu_count()} CPUs, other "
                     f"people's builds): {loads}. Absolute times move with it; the ratios compare "
                     "runs made minutes apart under the same load.")
        lines.append("")
        lines.append("## Targets (issue 6)")
        lines.append("")
        lines.append("Issue 6 sets its targets at 100k and 1M articles; the same ratios at other sizes "
                     "are shown, not judged.")
        lines.append("")
        lines.append("| target | measured | met |")
        lines.append("|---|---|---|")
        for target, measured, met in self.targets():
            lines.append(f"| {target} | {measured} | {'yes' if met else 'shown, not a target' if met is None else '**no**'} |")
        lines.append("")
        lines.append("## Import")
        lines.append("")
        lines.append("| files | tool | what | wall | files/s | vs sqlite-utils | peak RSS | DB size | detail |")
        lines.append("|---:|---|---|---:|---:|---:|---:|---:|---|")
        for r in self.rows:
            base = self.row(r["size"], "su") or (
                self.row(r["size"], "su-other")
                if r["key"] in ("su-other", "other-empty", "populated") else None)
            ratio = f"{r['rate'] / base['rate']:.1f}x" if base else ""
            size = f"{r['db'] / 2**20:.0f} MiB" if r["db"] is not None else ""
            lines.append(f"| {r['size']:,} | {r['tool']} | {r['what']} | {r['secs']:.2f} s | "
                         f"{r['rate']:,.0f} | {ratio} | {r['rss']:.0f} MiB | {size} | "
                         f"{r['detail']} |")
        lines.append("")
        lines.append("## Queries (process to process, median ms)")
        lines.append("")
        lines.append("| files | question | rows | newsdb | raw SQL, newsdb's DB | newsdb / raw | "
                     "peer's DB, sqlite3 shell | peer / newsdb |")
        lines.append("|---:|---|---:|---:|---:|---:|---:|---:|")
        for q in self.qrows:
            peer = (f"{q['peer']:.1f} | {q['peer'] / q['newsdb']:.1f}x" if q["peer"]
                    else "not run | ")
            lines.append(f"| {q['size']:,} | {q['question']} | {q['rows']} | {q['newsdb']:.1f} | "
                         f"{q['raw']:.1f} | {q['newsdb'] / q['raw']:.2f} | {peer} |")
        if self.notes:
            lines.append("")
            lines.append("## Notes")
            lines.extend(f"- {n}" for n in self.notes)
        return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="20000,100000", help="comma-separated corpus sizes")
    ap.add_argument("--runs", type=int, default=3, help="runs per import measurement (median)")
    ap.add_argument("--query-runs", type=int, default=30, help="hyperfine runs per query and round")
    ap.add_argument("--query-rounds", type=int, default=3,
                    help="hyperfine runs per query, the commands' order rotated (median of medians)")
    ap.add_argument("--newsdb", default=os.path.join(ROOT, "build", "newsdb"))
    ap.add_argument("--out", default=os.path.join(HERE, "out"), help="corpora and databases")
    ap.add_argument("--results", help="the report (default bench/RESULTS.md; "
                    "bench/RESULTS-1M.md when every size is LARGE)")
    ap.add_argument("--no-sqlite-utils", action="store_true")
    ap.add_argument("--no-peers", action="store_true",
                    help="no Python peers (automatic at 500k files and more)")
    ap.add_argument("--smoke", action="store_true",
                    help="2k corpus, 1 run, RESULTS.md left alone: checks the harness (CI)")
    args = ap.parse_args()
    args.argv = ["bench/bench.py"] + sys.argv[1:]
    if args.smoke:
        args.sizes, args.runs = "2000", 1
    sizes = [int(s) for s in args.sizes.split(",")]
    all_large = all(size >= LARGE for size in sizes)
    if not args.results:
        args.results = os.path.join(HERE, "RESULTS-1M.md" if all_large else "RESULTS.md")
    if not args.no_peers and not os.path.isdir(os.path.join(SHARED, "bench")):
        if not args.smoke:
            sys.exit(f"bench: no peers under {SHARED}/bench; set NEWSDB_SHARED_DIR or pass --no-peers")
        print(f"bench: no peers under {SHARED}/bench: the smoke run checks newsdb alone")
        args.no_peers = True
    if args.no_peers:
        args.no_sqlite_utils = True
    for tool in ("hyperfine", "sqlite3"):
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} is not installed; run scripts/install-deps.sh")
    if not args.no_sqlite_utils and not shutil.which("sqlite-utils"):
        sys.exit("bench: sqlite-utils is not installed; run scripts/install-deps.sh "
                 "or pass --no-sqlite-utils")
    if not os.path.exists(args.newsdb):
        sys.exit(f"bench: no newsdb binary at {args.newsdb}; run scripts/build.sh or pass --newsdb")
    if not os.path.exists(GENERATOR):
        sys.exit(f"bench: no corpus generator at {GENERATOR}")
    args.newsdb = os.path.abspath(args.newsdb)
    os.makedirs(args.out, exist_ok=True)

    bench = Bench(args)
    try:
        for size in sizes:
            src = corpus(size, args.out)
            bench.sample_load(size, "start")
            log(f"[{size}] imports")
            bench.bench_import(size, src)
            bench.sample_load(size, "after imports")
            log(f"[{size}] queries")
            bench.bench_queries(size)
            bench.sample_load(size, "after queries")
            log(f"[{size}] import into the populated store")
            bench.bench_populated(size)
            bench.sample_load(size, "after the populated import")
        text = bench.report()
    finally:
        shutil.rmtree(bench.work, ignore_errors=True)
    print(text)
    if not args.smoke:
        title = "# Benchmark results at 1M articles" if all_large else "# Benchmark results"
        see = ("" if all_large else "The 1M-article run (`bench/bench.py --sizes 1000000`, on "
               "request) writes [RESULTS-1M.md](RESULTS-1M.md).\n\n")
        with open(args.results, "w") as f:
            f.write(f"{title}\n\n{see}{text}")
        log(f"wrote {args.results}")
    if bench.notes:
        sys.exit("bench: the harness found disagreements:\n" + "\n".join(bench.notes))


if __name__ == "__main__":
    main()
