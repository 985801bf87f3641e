#!/usr/bin/env python3
"""newsdb's benchmark: newsdb side by side with what users run instead, in one run.

    bench/bench.py                      # 20k and 100k corpora, 3 runs each, writes bench/RESULTS.md
    bench/bench.py --sizes 20000        # one size
    bench/bench.py --sizes 1000000      # 1M on request (long)
    bench/bench.py --smoke              # 2k, 1 run, no peers' slow paths: checks the harness (CI)

For each corpus size it measures, in the same run and on the same machine state:
  import   newsdb first import (--jobs 1 and --jobs 2), unchanged re-import, re-import after
           touching 1% of the files; the Python loader (../shared/bench/py_ingest.py) and the
           sqlite-utils route (../shared/bench/sqlite_utils_ingest.sh) first import; peak RSS
           (wait4's ru_maxrss of the process) and database size.
  queries  topic / provider / date "newest 20", topic facet counts and full-text top 20, each
           process to process with hyperfine: `newsdb ...`, the equivalent raw SQL in the sqlite3
           shell on newsdb's database (newsdb's own overhead), and the peer's question asked of the
           Python loader's database in the sqlite3 shell.
Timings are medians; ratios are what to read (the machine is noisy).

Corpora come from ../shared/tools/gen_corpus.py --seed 42 and are cached under bench/out/.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("NEWSDB_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_measured(cmd, cwd=None, env=None, stdin=None):
    """Runs cmd, returns (seconds, peak RSS in MiB, stdout). Fails loudly on a non-zero exit."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=stdin, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (ru_maxrss in KiB on Linux).
    out_chunks = []
    err = p.stderr.read()
    out_chunks.append(p.stdout.read())
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - t0
    if p.returncode not in (0,):
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}:\n{err.decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024.0, b"".join(out_chunks).decode(errors="replace")


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


def corpus(size, out_dir):
    path = os.path.join(out_dir, f"corpus-{size}")
    marker = os.path.join(path, ".complete")
    if not os.path.exists(marker):
        log(f"generating a {size}-file corpus in {path}")
        subprocess.run([PY, os.path.join(SHARED, "tools", "gen_corpus.py"), "--count", str(size),
                        "--out", path, "--seed", "42", "--jobs", "2", "--force", "-q"], check=True)
        open(marker, "w").close()
    return path


def count_files(path):
    n = 0
    for _, _, files in os.walk(path):
        n += sum(1 for f in files if f.endswith(".md"))
    return n


class Bench:
    def __init__(self, args):
        self.args = args
        self.newsdb = args.newsdb
        self.out = args.out
        self.work = tempfile.mkdtemp(prefix="newsdb-bench-", dir=args.out)
        self.rows = []      # import rows
        self.qrows = []     # query rows
        self.notes = []

    def newsdb_import(self, db, src, jobs):
        secs, rss, out = run_measured([self.newsdb, "--db", db, "import", "--jobs", str(jobs),
                                       "--report", "json", src])
        report = json.loads(out)
        return secs, rss, report

    def median_of(self, runs, fn):
        results = [fn(i) for i in range(runs)]
        secs = statistics.median(r[0] for r in results)
        rss = max(r[1] for r in results)
        return secs, rss, results[-1]

    def bench_import(self, size, src):
        runs = self.args.runs
        files = count_files(src)
        db = os.path.join(self.work, f"newsdb-{size}.sqlite")

        for jobs in (1, 2):
            def first(_):
                remove_db(db)
                return self.newsdb_import(db, src, jobs)
            secs, rss, report = self.median_of(runs if jobs == 2 else max(1, runs - 2), first)
            self.rows.append(dict(size=size, tool=f"newsdb --jobs {jobs}", what="first import",
                                  secs=secs, rate=files / secs, rss=rss, db=db_size(db),
                                  detail=f"new {report['new']}, failed {report['failed']}"))
            if report["failed"]:
                raise RuntimeError(f"newsdb failed {report['failed']} files of the corpus")
        first_secs = self.rows[-1]["secs"]

        secs, rss, report = self.median_of(runs, lambda _: self.newsdb_import(db, src, 2))
        self.rows.append(dict(size=size, tool="newsdb --jobs 2", what="unchanged re-import",
                              secs=secs, rate=files / secs, rss=rss, db=db_size(db),
                              detail=f"unchanged {report['unchanged']}, x{first_secs / secs:.0f} "
                                     "faster than first"))

        # Touch 1% of the files (new mtime, same content): newsdb must read and hash them, not
        # re-parse or rewrite them.
        all_files = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs
                           if f.endswith(".md"))
        touched = all_files[:: max(1, len(all_files) // max(1, files // 100))][: max(1, files // 100)]
        def touch_and_import(_):
            now = time.time()
            for f in touched:
                os.utime(f, (now, now))
            return self.newsdb_import(db, src, 2)
        secs, rss, report = self.median_of(runs, touch_and_import)
        self.rows.append(dict(size=size, tool="newsdb --jobs 2", what="re-import, 1% touched",
                              secs=secs, rate=files / secs, rss=rss, db=db_size(db),
                              detail=f"{len(touched)} touched; unchanged {report['unchanged']}"))
        self.newsdb_db = db

        peer_db = os.path.join(self.work, f"peer-{size}.sqlite")
        def peer(_):
            remove_db(peer_db)
            return run_measured([PY, os.path.join(SHARED, "bench", "py_ingest.py"), "--db",
                                 peer_db, src])
        secs, rss, _ = self.median_of(1 if self.args.smoke else max(1, runs - 2), peer)
        self.rows.append(dict(size=size, tool="py_ingest.py", what="first import", secs=secs,
                              rate=files / secs, rss=rss, db=db_size(peer_db), detail=""))
        self.peer_db = peer_db

        if not self.args.no_sqlite_utils:
            su_db = os.path.join(self.work, f"sqlite-utils-{size}.sqlite")
            env = dict(os.environ, PYTHON=PY)
            def su(_):
                return run_measured(["bash", os.path.join(SHARED, "bench", "sqlite_utils_ingest.sh"),
                                     src, su_db], env=env)
            secs, rss, _ = self.median_of(1 if self.args.smoke else max(1, runs - 2), su)
            self.rows.append(dict(size=size, tool="sqlite-utils route", what="first import",
                                  secs=secs, rate=files / secs, rss=rss, db=db_size(su_db),
                                  detail=""))
            remove_db(su_db)

    # --- queries -------------------------------------------------------------------------------

    def pick_arguments(self):
        """The common topic, the largest provider and a date window, read from the peer's DB
        (independent of newsdb)."""
        con = sqlite3.connect(f"file:{self.peer_db}?mode=ro", uri=True)
        topic = con.execute("SELECT topic FROM article_topics GROUP BY topic "
                            "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        domain = con.execute("SELECT provider_domain FROM articles GROUP BY provider_domain "
                             "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        newest = con.execute("SELECT max(published_at) FROM articles").fetchone()[0]
        con.close()
        end = datetime.datetime.strptime(newest, "%Y-%m-%dT%H:%M:%SZ")
        start = end - datetime.timedelta(days=30)
        return topic, domain, start.strftime("%Y-%m-%dT%H:%M:%SZ"), end.strftime("%Y-%m-%dT%H:%M:%SZ")

    def hyperfine(self, commands):
        """Times each command (a list of argv lists) process to process; returns median ms."""
        export = os.path.join(self.work, "hyperfine.json")
        runs = "5" if self.args.smoke else "30"
        cmd = ["hyperfine", "-N", "--warmup", "3", "--runs", runs, "--export-json", export,
               "--style", "none"]
        import shlex
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
        if a != b:
            raise RuntimeError(f"{name}: newsdb and raw SQL disagree:\n{a[:3]}\n{b[:3]}")
        return len(a)

    def bench_queries(self, size):
        topic, domain, since, until = self.pick_arguments()
        db, peer = self.newsdb_db, self.peer_db
        nd = [self.newsdb, "--db", db]
        lit = lambda s: "'" + s.replace("'", "''") + "'"
        sq = lambda database, sql: ["sqlite3", "-readonly", database, sql]
        ts = lambda iso: int(datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
                             .replace(tzinfo=datetime.timezone.utc).timestamp())
        cases = [
            (f"topic `{topic}`, newest 20",
             nd + ["query", "--topic", topic, "--limit", "20", "--format", "urls"],
             sq(db, "SELECT a.url FROM article_topics t JOIN articles a ON a.id = t.article_id "
                    f"WHERE t.topic_id = (SELECT id FROM topics WHERE name_key = lower({lit(topic)})) "
                    "ORDER BY t.published_at DESC, a.url LIMIT 20"),
             sq(peer, "SELECT a.original_url FROM article_topics t JOIN articles a ON a.id = "
                      f"t.article_id WHERE t.topic = {lit(topic)} ORDER BY a.published_at DESC LIMIT 20")),
            (f"provider `{domain}`, newest 20",
             nd + ["query", "--provider", domain, "--limit", "20", "--format", "urls"],
             sq(db, "SELECT a.url FROM articles a WHERE a.provider_id IN (SELECT id FROM providers "
                    f"WHERE domain_key = lower({lit(domain)}) OR name_key = lower({lit(domain)})) "
                    "ORDER BY a.published_at DESC, a.url LIMIT 20"),
             sq(peer, "SELECT original_url FROM articles WHERE provider_domain = "
                      f"{lit(domain)} ORDER BY published_at DESC LIMIT 20")),
            ("date window (30 days), newest 20",
             nd + ["query", "--since", since, "--until", until, "--limit", "20", "--format", "urls"],
             sq(db, f"SELECT url FROM articles WHERE published_at BETWEEN {ts(since)} AND {ts(until)} "
                    "ORDER BY published_at DESC, url LIMIT 20"),
             sq(peer, f"SELECT original_url FROM articles WHERE published_at BETWEEN {lit(since)} "
                      f"AND {lit(until)} ORDER BY published_at DESC LIMIT 20")),
            ("topic facet counts",
             nd + ["topics", "--limit", "0", "--format", "tsv"],
             sq(db, "SELECT t.name, count(*) FROM article_topics x JOIN topics t ON t.id = x.topic_id "
                    "GROUP BY x.topic_id ORDER BY count(*) DESC, t.name"),
             sq(peer, "SELECT topic, count(*) AS n FROM article_topics GROUP BY topic "
                      "ORDER BY n DESC, topic")),
            ("full-text `market`, top 20",
             nd + ["search", "market", "--limit", "20", "--format", "urls"],
             sq(db, "SELECT a.url FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                    "WHERE articles_fts MATCH '\"market\"' "
                    "ORDER BY bm25(articles_fts, 10.0, 5.0, 1.0, 2.0), a.url LIMIT 20"),
             sq(peer, "SELECT a.original_url FROM articles_fts JOIN articles a ON a.id = "
                      "articles_fts.rowid WHERE articles_fts MATCH '\"market\"' "
                      "ORDER BY bm25(articles_fts, 10.0, 5.0, 1.0) LIMIT 20")),
        ]
        for name, newsdb_cmd, raw_cmd, peer_cmd in cases:
            try:
                hits = self.check_same_rows(name, newsdb_cmd, raw_cmd)
            except RuntimeError as e:
                self.notes.append(f"{size}: {e}")
                hits = None
            t_newsdb, t_raw, t_peer = self.hyperfine([newsdb_cmd, raw_cmd, peer_cmd])
            self.qrows.append(dict(size=size, question=name, rows=hits, newsdb=t_newsdb,
                                   raw=t_raw, peer=t_peer))

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

    def report(self):
        lines = []
        lines.append(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on "
                     f"{self.machine()}.")
        lines.append(f"Command: `{' '.join(self.args.argv)}`; medians of {self.args.runs} runs "
                     "(imports) and of hyperfine's runs (queries), warm page cache.")
        lines.append("")
        lines.append("## Import")
        lines.append("")
        lines.append("| files | tool | what | wall | files/s | vs sqlite-utils | peak RSS | DB size | detail |")
        lines.append("|---:|---|---|---:|---:|---:|---:|---:|---|")
        for r in self.rows:
            base = next((x for x in self.rows if x["size"] == r["size"]
                         and x["tool"] == "sqlite-utils route"), None)
            ratio = f"{base['secs'] / r['secs']:.1f}x" if base else ""
            lines.append(f"| {r['size']:,} | {r['tool']} | {r['what']} | {r['secs']:.2f} s | "
                         f"{r['rate']:,.0f} | {ratio} | {r['rss']:.0f} MiB | "
                         f"{r['db'] / 2**20:.0f} MiB | {r['detail']} |")
        lines.append("")
        lines.append("## Queries (process to process, median ms)")
        lines.append("")
        lines.append("| files | question | rows | newsdb | raw SQL, newsdb's DB | newsdb / raw | "
                     "peer's DB, sqlite3 shell | peer / newsdb |")
        lines.append("|---:|---|---:|---:|---:|---:|---:|---:|")
        for q in self.qrows:
            lines.append(f"| {q['size']:,} | {q['question']} | {q['rows']} | {q['newsdb']:.1f} | "
                         f"{q['raw']:.1f} | {q['newsdb'] / q['raw']:.2f} | {q['peer']:.1f} | "
                         f"{q['peer'] / q['newsdb']:.1f}x |")
        if self.notes:
            lines.append("")
            lines.append("## Notes")
            lines.extend(f"- {n}" for n in self.notes)
        return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="20000,100000", help="comma-separated corpus sizes")
    ap.add_argument("--runs", type=int, default=3, help="runs per import measurement (median)")
    ap.add_argument("--newsdb", default=os.path.join(ROOT, "build", "newsdb"))
    ap.add_argument("--out", default=os.path.join(HERE, "out"), help="corpora and databases")
    ap.add_argument("--results", default=os.path.join(HERE, "RESULTS.md"))
    ap.add_argument("--no-sqlite-utils", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="2k corpus, 1 run: checks the harness")
    args = ap.parse_args()
    args.argv = ["bench/bench.py"] + sys.argv[1:]
    if args.smoke:
        args.sizes, args.runs = "2000", 1
    for tool in ("hyperfine", "sqlite3"):
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} is not installed; run scripts/install-deps.sh")
    if not os.path.exists(args.newsdb):
        sys.exit(f"bench: no newsdb binary at {args.newsdb}; run scripts/build.sh or pass --newsdb")
    args.newsdb = os.path.abspath(args.newsdb)
    os.makedirs(args.out, exist_ok=True)

    bench = Bench(args)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            src = corpus(size, args.out)
            log(f"[{size}] imports")
            bench.bench_import(size, src)
            log(f"[{size}] queries")
            bench.bench_queries(size)
        text = bench.report()
    finally:
        shutil.rmtree(bench.work, ignore_errors=True)
    print(text)
    if args.smoke:
        if bench.notes:
            sys.exit("bench: the harness found disagreements:\n" + "\n".join(bench.notes))
        return
    with open(args.results, "w") as f:
        f.write("# Benchmark results\n\n" + text)
    log(f"wrote {args.results}")


if __name__ == "__main__":
    main()
