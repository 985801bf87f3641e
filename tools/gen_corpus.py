#!/usr/bin/env python3
"""Generates SYNTHETIC news-article corpora for newsdb benchmarks and tests.

Nothing it writes is real news: titles, providers, topics and URLs are made up from the
vocabularies below (real, public news metadata for tests is in tests/data/real/).

Stdlib only, deterministic: the same --seed and --count give byte-identical
output on any CPython 3.9+ (the only random source is random.Random seeded
with integers).

Each article is a Markdown file with YAML frontmatter laid out exactly like
the real sample (category, title, excerpt, publishedDateTime, originalUrl,
webUrl, ampWebUrl, cdnAmpWebUrl, type, quality, heat, published, provider,
topics, images, related, secured), followed by an optional Markdown body.

    gen_corpus.py --count 20000 --out corpus20k [--seed 42] [--body-ratio 0.3]
    gen_corpus.py --count 20000 --out c.ndjson --format ndjson

Layout (md): OUT/YYYY/MM/<slug>-<16 hex>.md, plus OUT/.manifest.json (hidden, NOT an
article: it holds the seed, counts, the update/duplicate list and per-topic
counts, so tests can check an importer against it).

ndjson: one JSON object per line with the same keys, in the same order and
with the same values as the frontmatter (publishedDateTime stays the exact
string written in the .md, offset included), plus "path" (the relative path
the .md would have) and "body" (string, "" when there is none).

What the corpus exercises (rates are per file, approximate):
  * ~400 providers (Zipf-like popularity), ~250 topics (Zipf-like), 1-4
    topics per article; some topics and provider names need YAML quoting
    ('#MeToo', "'90s Nostalgia", 'Security: Zero-Day Exploits', ...).
  * publishedDateTime over 2021-2024 UTC, 'Z' suffix; ~5% carry a numeric
    offset instead (+05:30, -08:00, ...) and must be normalised to UTC.
  * quality (0-100) absent ~10%, heat (0-500) absent ~15%; 0-3 images;
    0-4 related entries, ~half of them pointing (by webUrl) at other
    articles of the corpus; ~1% published: false; ~2% empty excerpt.
  * ~10% unicode titles (accents, CJK, Hangul, Devanagari, Arabic, emoji
    incl. ZWJ sequences and flags); titles with double quotes, single
    quotes, colons, '#', '[', and rarely backslashes (escaped as \\).
  * ~2% of files are updates: same originalUrl (and date, slug, topics) as
    an earlier file, different file name, heat changed (raised). The
    manifest lists them; an importer upserting by originalUrl ends with
    (#files - #updates) articles.
  * ~70% carry a `secured` blob (base64;base64).
  * ~30% (--body-ratio) have a Markdown body of 0.2-20 KB (log-normal,
    median ~3 KB); some bodies contain a '---' thematic break, which a
    naive frontmatter splitter will mistake for a fence.
"""

import argparse
import base64
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from bisect import bisect_right
from itertools import accumulate

GENERATOR_VERSION = 1

# --------------------------------------------------------------------------
# static vocabularies
# --------------------------------------------------------------------------

REAL_PROVIDERS = [
    ("Beebom", "beebom.com", False),
    ("HotHardware", "hothardware.com", False),
    ("PCGamesN", "pcgamesn.com", True),
    ("The Indian Express", "indianexpress.com", False),
]

# (name, domain) pairs with non-ASCII or YAML-awkward names
ODD_PROVIDERS = [
    ("Le Monde Numérique", "lemondenumerique.fr"),
    ("Süddeutsche Technik", "sueddeutsche-technik.de"),
    ("El Diario Tecnológico", "eldiariotecnologico.es"),
    ("Folha Digital São Paulo", "folhadigitalsp.com.br"),
    ("日経クロステック", "xtech-nikkei.jp"),
    ("科技日报网", "kejiribao.cn"),
    ("전자신문 테크", "etnews-tech.kr"),
    ("Tech Łódź", "techlodz.pl"),
    ("Åbo Nyheter", "abonyheter.fi"),
    ("Νέα Τεχνολογίας", "neatech.gr"),
    ("Новости Технологий", "novosti-tech.ru"),
    ("Ça Tourne", "catourne.fr"),
    ("Café Científico", "cafecientifico.es"),
    ("Zürich Zeitung Digital", "zuerichzeitung.ch"),
    ("İstanbul Teknoloji", "istanbulteknoloji.com.tr"),
    ("Hà Nội Tech", "hanoitech.vn"),
    ("Tom's Gadgets", "tomsgadgets.com"),
    ("R&D Weekly", "rndweekly.com"),
    ("#1 Tech News", "number1technews.com"),
    ("Hacker Digest: Daily", "hackerdigestdaily.com"),
    ("Yes! Tech", "yestech.io"),
    ("[Bracket] Media", "bracketmedia.net"),
]

P_PREFIX = ["Tech", "Daily", "Global", "Digital", "Silicon", "Future", "Metro",
            "Pacific", "Atlantic", "Northern", "Open", "Bright", "Smart",
            "Prime", "Rapid", "Urban", "Cyber", "Quantum", "Pixel", "Data",
            "Market", "Gadget", "Nordic", "Alpine", "Coastal", "Capital",
            "Modern", "Next", "Signal", "Circuit", "Orbit", "Summit", "Harbor",
            "Vector", "Neon"]
P_SUFFIX = ["Radar", "Wire", "Times", "Post", "Insider", "Herald", "Journal",
            "Review", "Report", "Hub", "Lab", "Chronicle", "Observer",
            "Gazette", "Beat", "Pulse", "Watch", "Today", "Weekly", "Bytes",
            "Dispatch", "Ledger", "Monitor", "Tribune", "Network", "Guide",
            "Mag", "Feed", "Digest", "Central"]
TLDS = [(".com", 60), (".net", 6), (".co.uk", 6), (".in", 5), (".de", 4),
        (".fr", 3), (".io", 4), (".org", 3), (".jp", 2), (".com.au", 3),
        (".ca", 2), (".es", 2)]
SECTIONS = ["news", "tech", "business", "science", "gaming", "reviews",
            "world", "markets", "mobile", "hardware", "ai", "auto"]

BASE_TOPICS = [
    "AI", "AI Hardware", "Machine Learning", "Generative AI", "ChatGPT",
    "OpenAI", "Nvidia", "AMD", "Intel", "Apple", "iPhone", "iPad", "Mac",
    "Google", "Android", "Pixel", "Microsoft", "Windows", "Xbox", "Sony",
    "PlayStation", "Nintendo", "Gaming", "PC Gaming", "Esports", "Samsung",
    "Galaxy", "Smartphones", "Wearables", "Smartwatches", "Tesla",
    "Electric Vehicles", "Autonomous Driving", "SpaceX", "Space", "NASA",
    "Astronomy", "Climate Change", "Renewable Energy", "Solar Power",
    "Batteries", "Semiconductors", "TSMC", "Chip Export Controls", "China",
    "India", "European Union", "United States", "Japan", "Cybersecurity",
    "Ransomware", "Data Breaches", "Privacy", "Regulation", "Antitrust",
    "Cryptocurrency", "Bitcoin", "Ethereum", "Blockchain", "Fintech",
    "Startups", "Venture Capital", "Layoffs", "Earnings", "Stock Market",
    "Economy", "Inflation", "Interest Rates", "Streaming", "Netflix",
    "Disney", "Movies", "TV Shows", "Music", "Spotify", "Social Media",
    "X (Twitter)", "Meta", "Facebook", "Instagram", "WhatsApp", "TikTok",
    "YouTube", "Reddit", "Cloud Computing", "AWS", "Azure", "Data Centers",
    "Open Source", "Linux", "Programming", "Rust", "Python", "JavaScript",
    "C++", "C#", ".NET", "Node.js", "Web Development", "Browsers", "Chrome",
    "Firefox", "5G", "Telecom", "Broadband", "Satellites", "Starlink",
    "Drones", "Robotics", "Quantum Computing", "Biotech", "Health Tech",
    "Medicine", "COVID-19", "Vaccines", "Science", "Physics", "Politics",
    "Elections", "2024 Election", "Supreme Court", "Education", "Jobs",
    "Remote Work", "E-commerce", "Amazon", "Retail", "Smart Home", "VR",
    "AR", "Apple Vision Pro", "Metaverse", "Cameras", "Photography", "Audio",
    "Headphones", "Laptops", "Tablets", "Monitors", "Graphics Cards", "CPUs",
    "Storage", "SSDs", "Memory", "Motherboards", "Deals", "Reviews",
    "How-To", "Apps", "iOS", "macOS", "Mobile Games", "Console Gaming",
    "Steam", "Valve", "Epic Games", "Formula 1", "Football", "Cricket",
    "Olympics", "Travel", "Aviation", "Boeing", "Airbus", "Automotive",
    "Energy", "Oil & Gas", "Nuclear Energy", "Hydrogen", "Agriculture",
    "Food Tech", "Real Estate", "Banking", "Insurance", "Law", "Patents",
    "Trade War", "Supply Chain", "Manufacturing", "Right to Repair",
    "Accessibility", "Mental Health", "M&A", "R&D", "Q&A", "On-Device AI",
    "Open-Source AI", "Large Language Models", "Chatbots", "Deepfakes",
    "Misinformation", "Content Moderation", "Net Neutrality",
    "Digital Markets Act", "GDPR", "Café Culture", "Économie",
    "Künstliche Intelligenz", "人工知能", "半導体", "电动汽车", "Fútbol",
    "#MeToo", "'90s Nostalgia", "Security: Zero-Day Exploits", "@Home Labs",
    "No Man's Sky", "Null Safety", "Year 2038 Problem",
]
TOPIC_SUFFIXES = [" Rumors", " Deals", " Policy", " Research", " Earnings",
                  " Leaks", " Security", " Reviews"]
TOPIC_SUFFIX_BASES = ["Apple", "Google", "Microsoft", "Nvidia", "AMD",
                      "Intel", "Samsung", "Tesla", "Meta", "Amazon", "Sony",
                      "Nintendo", "OpenAI", "Qualcomm", "Huawei", "Xiaomi"]

CATEGORIES = [("news", 70), ("tech", 10), ("business", 6), ("science", 4),
              ("entertainment", 4), ("sports", 3), ("opinion", 2),
              ("lifestyle", 1)]
TYPES = [("article", 90), ("video", 7), ("slideshow", 3)]
OFFSETS = [("+05:30", 330), ("-05:00", -300), ("+01:00", 60), ("+09:00", 540),
           ("-08:00", -480), ("+02:00", 120), ("+05:45", 345),
           ("-03:00", -180), ("+08:00", 480), ("-07:00", -420)]
IMAGE_SIZES = [(1250, 750), (1200, 675), (1600, 900), (708, 399), (1024, 576),
               (800, 450), (1920, 1080), (640, 360), (1280, 720), (300, 300),
               (1200, 630), (2048, 1152)]

ENTITIES = ["Nvidia", "AMD", "Intel", "Apple", "Google", "Microsoft", "Meta",
            "Amazon", "Tesla", "SpaceX", "OpenAI", "Samsung", "Sony",
            "Qualcomm", "TSMC", "Huawei", "Xiaomi", "Netflix", "Disney",
            "Boeing", "Airbus", "IBM", "Oracle", "Arm", "Dell", "HP", "Lenovo",
            "Asus", "Acer", "Valve", "Nintendo", "Ubisoft", "EA", "Epic Games",
            "Anthropic", "Mistral AI", "Baidu", "Alibaba", "Tencent",
            "ByteDance", "TikTok", "Spotify", "Uber", "Airbnb", "Reddit", "X",
            "Rivian", "BYD", "Volkswagen", "Toyota", "Ford", "GM", "Honda",
            "NASA", "ESA", "The EU", "The FCC", "The FTC", "The SEC",
            "Congress", "The White House", "India", "China", "Japan",
            "South Korea", "Germany", "Brazil"]
PRODUCTS = ["RTX 4090", "RTX 5090", "Radeon RX 7900 XTX", "Core i9-14900K",
            "Ryzen 9 7950X3D", "iPhone 15 Pro", "iPhone 16", "Pixel 8",
            "Pixel 9 Pro", "Galaxy S24 Ultra", "Galaxy Z Fold 5", "Vision Pro",
            "Quest 3", "Windows 11", "macOS Sonoma", "Android 15", "ChatGPT",
            "GPT-4", "Gemini", "Llama 3", "Copilot", "PlayStation 5 Pro",
            "Xbox Series X", "Switch 2", "Steam Deck", "MacBook Pro M3",
            "iPad Pro", "Apple Watch Ultra", "AirPods Pro", "Cybertruck",
            "Model Y", "Starship", "Falcon 9", "Starlink", "H100",
            "Blackwell B200", "Snapdragon 8 Gen 3", "A17 Pro", "Tensor G3",
            "Surface Pro", "ThinkPad X1", "ROG Ally", "Kindle", "Echo",
            "Fire TV", "Chromecast", "WhatsApp", "Instagram", "Threads",
            "YouTube", "Chrome", "Firefox", "Linux 6.8", "Rust 1.75",
            "Python 3.12", "GeForce RTX 3090", "M3 Max", "Exynos 2400"]
VERBS = ["launches", "unveils", "delays", "cuts prices on", "confirms",
         "teases", "recalls", "patches", "bans", "quietly updates",
         "doubles down on", "abandons", "expands", "tests", "ships",
         "reveals details of", "faces backlash over", "is investigating",
         "slashes production of", "rebuilds", "discontinues", "open-sources"]
ADJS = ["Rebuilt", "Repurposed", "Stockpiled", "Smuggled", "Resold",
        "Recycled", "Modified", "Overclocked", "Hoarded", "Benchmarked"]
PLACES = ["China", "India", "Europe", "the US", "Japan", "Brazil", "Germany",
          "the UK", "South Korea", "Africa", "Australia", "Canada", "Mexico",
          "Indonesia", "Taiwan"]
PHRASES = ["Worth the Upgrade?", "Faster Than Expected", "A Mixed Bag",
           "The Best Yet", "Not Quite There", "Everything You Need to Know",
           "Here's What Changed", "Big Promises, Small Gains",
           "The Price Is the Problem", "Finally Fixed", "Surprisingly Good"]
EVENTS = ["Keynote", "Earnings Call", "Developer Conference", "Product Event",
          "Shareholder Meeting", "Launch Livestream", "Investor Day"]
QUOTES = ["We Are Not Slowing Down", "This Changes Everything",
          "It Was a Mistake", "AI Is the New Electricity",
          "We Have No Plans to Raise Prices", "The Best Is Yet to Come",
          "Nobody Asked for This"]
PERSONS = ["CEO", "Analyst", "Former Engineer", "Regulator", "Founder",
           "Chief Scientist", "Industry Veteran"]
ACTIONS = ["Enable Dark Mode", "Free Up Storage", "Reset Network Settings",
           "Turn Off Tracking", "Back Up Your Data", "Update the Firmware",
           "Record Your Screen"]

WORDS = """the of and to in a is that for it as was with be by on not he this
are or his from at which but have an they you were her she there been one
all we their has would when if so no will more can who about other into its
what some them than then now only also after new could over these most year
like two first may any time people said should because those years many well
market company companies report users data new devices price prices sales
chip chips model models software hardware update launch industry analysts
government policy research security network service services platform cloud
revenue growth quarter billion million percent customers developers system
systems feature features design performance battery power display camera
memory storage version support release week month early later according
statement spokesperson investors supply demand production factory export
ban rules regulators court lawsuit privacy users accounts app apps phone
phones laptop laptops processor processors graphics card cards gaming games
players console streaming video content creators social media platform
engineers team teams startup startups funding round valuation shares stock
trading economy inflation rates bank banks energy electric vehicle vehicles
charging range solar grid climate emissions carbon satellite launch orbit
mission rocket space agency scientists study researchers results paper
model training inference accelerator accelerators cluster datacenter
servers efficiency cost costs manufacturing yield node wafer foundry
smartphone tablet wearable headset reality virtual augmented operating
browser search engine advertising subscription subscribers pricing tier
free premium access feature rollout beta preview developers api open source
code repository release notes bug fix vulnerability exploit patch attack
attackers ransomware breach leaked documents internal sources familiar
matter declined comment confirmed announced expected planned reportedly
estimated roughly nearly about around compared previous generation latest
upcoming annual global regional local national international european
asian american chinese indian japanese korean german british french""".split()

CJK_ENT = ["アップル", "ソニー", "任天堂", "トヨタ", "华为", "小米", "腾讯",
           "阿里巴巴", "삼성전자", "LG전자"]

# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

_NEEDS_ESC = re.compile(r'["\\\x00-\x1f\x7f\u0085\u2028\u2029]')
_NONALNUM = re.compile(r"[^a-z0-9]+")
_PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@`")
_YAML_SPECIAL = re.compile(
    r"^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|"
    r"false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_.:eE+-]*|"
    r"\.inf|\.nan|[-+]?\.Inf|\.NaN|=|<<)$")


def dq(s):
    """YAML double-quoted scalar (JSON escaping is a subset of YAML's)."""
    if _NEEDS_ESC.search(s):
        return json.dumps(s, ensure_ascii=False)
    return '"' + s + '"'


def plain_or_dq(s):
    """A plain scalar when that round-trips as the same string, else dq."""
    if (not s or s[0] in _PLAIN_BAD_START or s[0] == " " or s[-1] == " "
            or ": " in s or " #" in s or s.endswith(":")
            or _YAML_SPECIAL.match(s) or _NEEDS_ESC.search(s)):
        return dq(s)
    return s


def slugify(s, maxlen=80):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = _NONALNUM.sub("-", s.lower()).strip("-")
    if len(s) > maxlen:
        s = s[:maxlen].rsplit("-", 1)[0]
    return s


def weighted(pairs):
    vals = [p[0] for p in pairs]
    cw = list(accumulate(p[1] for p in pairs))
    return vals, cw


def zipf_cw(n, s):
    return list(accumulate(1.0 / (r + 1) ** s for r in range(n)))


def pick_cw(rng, vals, cw):
    return vals[bisect_right(cw, rng.random() * cw[-1])]


def iso(ts_min, sec, off):
    """ts_min: UTC minutes since epoch; off: (suffix, minutes) or None."""
    t = ts_min * 60 + sec
    if off is not None:
        t += off[1] * 60
    s = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t))
    return s + (off[0] if off is not None else "Z")


EPOCH_2021 = 1609459200 // 60          # 2021-01-01T00:00Z in minutes
EPOCH_2025 = 1735689600 // 60          # 2025-01-01T00:00Z in minutes


# --------------------------------------------------------------------------
# world: providers and topics (fixed by the seed, independent of --count)
# --------------------------------------------------------------------------

class World:
    def __init__(self, seed, n_providers=400):
        rng = random.Random(seed * 7919 + 17)
        provs = []
        domains = set()
        for name, dom, www in REAL_PROVIDERS:
            provs.append((name, dom, www))
            domains.add(dom)
        for name, dom in ODD_PROVIDERS:
            provs.append((name, dom, rng.random() < 0.3))
            domains.add(dom)
        tld_v, tld_cw = weighted(TLDS)
        combos = [(a, b) for a in P_PREFIX for b in P_SUFFIX]
        rng.shuffle(combos)
        for a, b in combos:
            if len(provs) >= n_providers:
                break
            style = rng.random()
            if style < 0.45:
                name = a + " " + b
            elif style < 0.75:
                name = a + b
            else:
                name = "The " + a + " " + b
            base = (a + b).lower() if rng.random() < 0.8 else (a + "-" + b).lower()
            dom = base + pick_cw(rng, tld_v, tld_cw)
            if dom in domains:
                continue
            domains.add(dom)
            provs.append((name, dom, rng.random() < 0.35))
        self.providers = []
        for name, dom, www in provs:
            host = ("www." + dom) if www else dom
            self.providers.append({
                "name": name, "domain": dom, "host": host,
                "yname": plain_or_dq(name),
                "style": rng.randrange(5),
                "amp": rng.random() < 0.6,
                "amp_style": rng.randrange(3),
                "img_style": rng.randrange(3),
                "sections": rng.sample(SECTIONS, 3),
            })
        # popularity: Zipf over a shuffled order, but keep the sample's
        # providers reasonably common
        order = list(range(len(self.providers)))
        rng.shuffle(order)
        self.prov_rank = order
        self.prov_cw = zipf_cw(len(order), 0.9)

        topics = list(BASE_TOPICS)
        for b in TOPIC_SUFFIX_BASES:
            for s in TOPIC_SUFFIXES:
                if len(topics) >= 250:
                    break
                t = b + s
                if t not in topics:
                    topics.append(t)
        rng.shuffle(topics)
        # "AI" is the most common topic, as in the real feed
        topics.remove("AI")
        topics.insert(0, "AI")
        self.topics = topics
        self.ytopics = [plain_or_dq(t) for t in topics]
        self.topic_cw = zipf_cw(len(topics), 1.07)

        # body vocabulary with Zipf weights
        self.words = WORDS
        self.word_cw = zipf_cw(len(WORDS), 1.0)

    def pick_provider(self, rng):
        return self.prov_rank[bisect_right(self.prov_cw, rng.random() * self.prov_cw[-1])]

    def pick_topic(self, rng):
        return bisect_right(self.topic_cw, rng.random() * self.topic_cw[-1])


# --------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------

def make_title(rng, w, topic):
    c = rng.choice
    E, P = c(ENTITIES), c(PRODUCTS)
    r = rng.random()
    if r < 0.10:                      # unicode class (~10%)
        k = rng.randrange(14)
        n = rng.randint(2, 60)
        if k == 0:
            return f"{E} dévoile {P} : ce qu'il faut savoir", True
        if k == 1:
            return f"¿Vale la pena el {P} en {rng.randint(2021, 2024)}?", True
        if k == 2:
            return f"{E} kündigt {P} an – über {n} Millionen Vorbestellungen", True
        if k == 3:
            return f"{E} lança {P} no Brasil: preço e disponibilidade", True
        if k == 4:
            return f"{c(CJK_ENT)}、新型{P}を発表", True
        if k == 5:
            return f"{c(CJK_ENT)}发布全新{P}，售价{n}99元", True
        if k == 6:
            return f"{c(CJK_ENT)}, 신형 {P} 공개", True
        if k == 7:
            return f"【速報】{P}の国内価格が決定", True
        if k == 8:
            return f"🚀 {E} {c(VERBS)} {P}", True
        if k == 9:
            return f"{P} is finally here 🎉", True
        if k == 10:
            return f"🔥 Deal alert: {P} drops to ${n}99 👀", True
        if k == 11:
            return f"👩‍💻 {E} engineers on {topic} 🇯🇵🇺🇸", True
        if k == 12:
            return f"{E} تطلق {P} في {c(PLACES)}", True
        return f"{E} ने लॉन्च किया {P} – कीमत ₹{n},999", True
    k = rng.randrange(20)
    n = rng.randint(3, 15)
    if k == 0:
        return f"Thousands of {P} Units Are Being {c(ADJS)} for {topic} in {c(PLACES)}", False
    if k == 1:
        return f"{P} Review: {c(PHRASES)}", False
    if k == 2:
        return f"Why {E}'s \"{P}\" Could Change {topic} Forever", False
    if k == 3:
        return f"{n} Things We Learned From {E}'s {c(EVENTS)}", False
    if k == 4:
        return f"'{c(QUOTES)}': {E} {c(PERSONS)} on {topic}", False
    if k == 5:
        return f"Report: {E} {c(VERBS)} {P}", False
    if k == 6:
        return f"{E} vs. {c(ENTITIES)}: Who Wins the {topic} Race?", False
    if k == 7:
        return f"How to {c(ACTIONS)} on Your {P} (Step-by-Step)", False
    if k == 8:
        return f"{E} Says \"{c(QUOTES)}\" as {topic} Heats Up", False
    if k == 9:
        return f"[Update] {E} {c(VERBS)} {P}", False
    if k == 10:
        return f"{P} vs {c(PRODUCTS)}: {c(PHRASES)}", False
    if k == 11:
        if rng.random() < 0.05:
            return f"Windows Path Bug: C:\\Users\\Public Folder Vanishes After {P} Update", False
        return f"#{n} {E} {c(VERBS)} {P}", False
    if k == 12:
        return f"{E} {c(VERBS)} {P}: Here's What It Means for {topic}", False
    if k == 13:
        return f"{n * 5}% Off {P}: Today's Best {topic} Deals", False
    if k == 14:
        return f"Is the {P} Worth It in {rng.randint(2021, 2024)}?", False
    if k == 15:
        return f"{E} {c(VERBS)} {P} in {c(PLACES)} Amid {topic} Push", False
    return f"{E} {c(VERBS)} {P}", False


def sentence(rng, w, n):
    ws = rng.choices(w.words, cum_weights=w.word_cw, k=n)
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + "."


def make_excerpt(rng, w, title, topic):
    if rng.random() < 0.02:
        return ""
    E, P = rng.choice(ENTITIES), rng.choice(PRODUCTS)
    first = rng.randrange(4)
    if first == 0:
        s = f"In {rng.choice(PLACES)}, {E}'s {P} is being {rng.choice(ADJS).lower()} in the thousands."
    elif first == 1:
        s = f"{E} {rng.choice(VERBS)} {P}, and {topic} watchers are paying attention."
    elif first == 2:
        s = f"The {P} – {E}’s latest bet on {topic} – is here."
    else:
        s = sentence(rng, w, rng.randint(10, 22))
    for _ in range(rng.randint(0, 2)):
        s += " " + sentence(rng, w, rng.randint(8, 20))
    return s


def make_body(rng, w, target, title, topic, host):
    out = []
    size = 0
    words = w.words
    cw = w.word_cw
    choices = rng.choices
    first = True
    while size < target:
        k = rng.random()
        if first or k < 0.62:
            # paragraph: one choices() call, then cut into sentences
            nsent = rng.randint(2, 6)
            lens = [rng.randint(8, 24) for _ in range(nsent)]
            ws = choices(words, cum_weights=cw, k=sum(lens))
            if rng.random() < 0.3:
                ws[rng.randrange(len(ws))] = f"**{rng.choice(ENTITIES)}**"
            if rng.random() < 0.25:
                j = rng.randrange(len(ws))
                ws[j] = f"[{ws[j]}](https://{host}/{rng.choice(SECTIONS)}/{rng.randrange(10**6)})"
            if rng.random() < 0.3:
                ws[rng.randrange(len(ws))] = topic
            parts = []
            p = 0
            for L in lens:
                s = ws[p:p + L]
                p += L
                s[0] = s[0][:1].upper() + s[0][1:]
                parts.append(" ".join(s) + ".")
            block = " ".join(parts)
            first = False
        elif k < 0.74:
            block = "## " + sentence(rng, w, rng.randint(3, 7))[:-1]
        elif k < 0.84:
            items = rng.randint(2, 6)
            mark = "- " if rng.random() < 0.7 else None
            lines = []
            for j in range(items):
                lead = mark or f"{j + 1}. "
                lines.append(lead + sentence(rng, w, rng.randint(4, 12)))
            block = "\n".join(lines)
        elif k < 0.89:
            block = "> " + sentence(rng, w, rng.randint(10, 25)) + " — " + rng.choice(PERSONS)
        elif k < 0.92:
            block = ("```\n$ " + rng.choice(["curl", "git", "sudo apt", "pip"]) + " "
                     + " ".join(choices(words, k=4)) + "\nexit status " +
                     str(rng.randrange(3)) + "\n```")
        elif k < 0.95:
            block = (f"![{sentence(rng, w, 4)[:-1]}](https://{host}/images/"
                     f"{rng.randrange(10**8):08d}.jpg)")
        elif k < 0.97:
            rows = ["| Model | Price | Score |", "| --- | ---: | ---: |"]
            for _ in range(rng.randint(2, 5)):
                rows.append(f"| {rng.choice(PRODUCTS)} | ${rng.randint(99, 2999)} | {rng.randint(50, 99)} |")
            block = "\n".join(rows)
        else:
            block = rng.choice(["---", "***", "---", "* * *"])
        out.append(block)
        size += len(block) + 2
    body = "\n\n".join(out)
    if len(body) > 20000:
        body = body[:20000].rsplit("\n\n", 1)[0]
    return body + "\n"


# --------------------------------------------------------------------------
# corpus
# --------------------------------------------------------------------------

class Corpus:
    """Phase 1: the skeleton of every article (cheap, sequential).
    Phase 2 (render) derives everything else from a per-article RNG, so it
    can be split over processes without changing the output."""

    def __init__(self, seed, count, body_ratio):
        self.seed = seed
        self.count = count
        self.body_ratio = body_ratio
        w = self.w = World(seed)
        rng = random.Random(seed * 1000003 + 1)
        cat_v, cat_cw = weighted(CATEGORIES)
        type_v, type_cw = weighted(TYPES)
        ntop_v, ntop_cw = weighted([(1, 30), (2, 35), (3, 22), (4, 13)])
        span = EPOCH_2025 - EPOCH_2021
        self.arts = arts = []
        self.topic_members = [[] for _ in w.topics]
        urls = set()
        self.updates = []
        for i in range(count):
            h = hashlib.blake2b(f"{seed}:{i}".encode(), digest_size=8).hexdigest()
            if i > 10 and rng.random() < 0.02:
                # an update of an earlier story: same originalUrl, new heat
                j = rng.randrange(i)
                while arts[j]["dup_of"] is not None:
                    j = arts[j]["dup_of"]
                a = dict(arts[j])
                a["dup_of"] = j
                a["hash"] = h
                old = a["heat"]
                if old is None:
                    a["heat"] = rng.randint(0, 500)
                elif old < 500:
                    a["heat"] = rng.randint(old + 1, 500)
                else:
                    a["heat"] = rng.randint(400, 499)
                if a["quality"] is not None and rng.random() < 0.3:
                    a["quality"] = min(100, a["quality"] + rng.randint(1, 5))
                arts.append(a)
                self.updates.append(i)
                continue
            pidx = w.pick_provider(rng)
            prov = w.providers[pidx]
            nt = pick_cw(rng, ntop_v, ntop_cw)
            tops = []
            while len(tops) < nt:
                t = w.pick_topic(rng)
                if t not in tops:
                    tops.append(t)
            ts = EPOCH_2021 + rng.randrange(span)
            sec = 0 if rng.random() < 0.8 else rng.randrange(60)
            off = rng.choice(OFFSETS) if rng.random() < 0.05 else None
            title, uni = make_title(rng, w, w.topics[tops[0]])
            excerpt = make_excerpt(rng, w, title, w.topics[tops[0]])
            slug = slugify(title) or "news"
            tm = time.gmtime(ts * 60)
            num = rng.randrange(10**6, 10**7)
            st = prov["style"]
            host = prov["host"]
            if st == 0:
                path = f"/{slug}/"
            elif st == 1:
                path = f"/{prov['sections'][0]}/{slug}"
            elif st == 2:
                path = f"/{tm.tm_year}/{tm.tm_mon:02d}/{tm.tm_mday:02d}/{slug}/"
            elif st == 3:
                path = f"/article/{rng.choice(prov['sections'])}/{slug}-{num}/"
            else:
                path = f"/{rng.choice(prov['sections'])}/{slug}-{num}.html"
            url = f"https://{host}{path}"
            while url in urls:
                path = path.rstrip("/") + "-2" + ("/" if path.endswith("/") else "")
                url = f"https://{host}{path}"
            urls.add(url)
            if prov["amp"]:
                ast = prov["amp_style"]
                if ast == 0:
                    amp = url + "amp/" if url.endswith("/") else url + "/amp/"
                    ahost = host
                elif ast == 1:
                    amp = f"https://amp.{prov['domain']}{path}"
                    ahost = "amp." + prov["domain"]
                else:
                    amp = url + ("lite/" if url.endswith("/") else "?amp=1")
                    ahost = host
                cdn = (f"https://{ahost.replace('-', '--').replace('.', '-')}"
                       f".cdn.ampproject.org/c/s/{amp[8:]}")
            else:
                amp = cdn = None
            nimg = pick_cw(rng, (0, 1, 2, 3), (20, 75, 90, 100))
            imgs = []
            for k in range(nimg):
                wd, ht = rng.choice(IMAGE_SIZES)
                ist = prov["img_style"]
                if ist == 0:
                    iu = f"https://{host}/wp-content/uploads/{tm.tm_year}/{tm.tm_mon:02d}/{slug[:40] or 'image'}-{k}.jpg"
                elif ist == 1:
                    iu = f"https://images.{prov['domain']}/contentimages/newsitem/{num % 100000}/content/{k}.jpg"
                else:
                    iu = f"https://cdn.{prov['domain']}/img/{h}{k}.webp"
                imgs.append((iu, wd, ht, rng.random() < 0.9))
            a = {
                "i": i, "hash": h, "dup_of": None, "prov": pidx,
                "topics": tops, "ts": ts, "sec": sec, "off": off,
                "title": title, "uni": uni, "excerpt": excerpt, "slug": slug,
                "url": url,
                "web": url if rng.random() < 0.97 else url + ("&" if "?" in url else "?") + "utm_source=feed",
                "amp": amp, "cdn": cdn,
                "cat": pick_cw(rng, cat_v, cat_cw),
                "type": pick_cw(rng, type_v, type_cw),
                "quality": rng.randint(0, 100) if rng.random() < 0.9 else None,
                "heat": min(500, int(rng.expovariate(1 / 90.0))) if rng.random() < 0.85 else None,
                "published": rng.random() >= 0.01,
                "images": imgs,
                "has_body": rng.random() < body_ratio,
            }
            arts.append(a)
            for t in tops:
                self.topic_members[t].append(i)

    # ------------------------------------------------------------------
    def date_str(self, a):
        return iso(a["ts"], a["sec"], a["off"])

    def rel_path(self, a):
        tm = time.gmtime(a["ts"] * 60)
        return f"{tm.tm_year:04d}/{tm.tm_mon:02d}/{a['slug'][:60].rstrip('-')}-{a['hash']}.md"

    def related(self, rng, a):
        w = self.w
        n = pick_cw(rng, (0, 1, 2, 3, 4), (25, 45, 65, 85, 100))
        rel = []
        seen = set()
        for _ in range(n):
            if rng.random() < 0.5:
                members = self.topic_members[a["topics"][0]]
                j = members[rng.randrange(len(members))]
                if j == a["i"] or j == a["dup_of"] or j in seen:
                    continue
                seen.add(j)
                b = self.arts[j]
                p = w.providers[b["prov"]]
                rel.append({
                    "title": b["title"], "excerpt": b["excerpt"],
                    "date": self.date_str(b), "web": b["web"], "amp": b["amp"],
                    "cdn": b["cdn"], "type": b["type"], "pname": p["yname"],
                    "pdom": p["domain"], "quality": b["quality"],
                    "images": b["images"][:1], "internal": True,
                })
            else:
                pidx = w.pick_provider(rng)
                p = w.providers[pidx]
                title, _ = make_title(rng, w, w.topics[a["topics"][0]])
                slug = slugify(title) or "story"
                web = f"https://{p['host']}/{rng.choice(p['sections'])}/{slug}-{rng.randrange(10**7)}"
                amp = cdn = None
                if p["amp"] and rng.random() < 0.7:
                    amp = f"https://amp.{p['domain']}{web[8 + len(p['host']):]}"
                    cdn = (f"https://amp-{p['domain'].replace('-', '--').replace('.', '-')}"
                           f".cdn.ampproject.org/c/s/{amp[8:]}")
                ts = a["ts"] + rng.randint(-7 * 1440, 7 * 1440)
                imgs = []
                if rng.random() < 0.6:
                    wd, ht = rng.choice(IMAGE_SIZES)
                    imgs.append((f"https://images.{p['domain']}/contentimages/newsitem/{rng.randrange(10**5)}/content/{slug[:20]}.jpg",
                                 wd, ht, rng.random() < 0.9))
                rel.append({
                    "title": title,
                    "excerpt": make_excerpt(rng, w, title, w.topics[a["topics"][0]]),
                    "date": iso(ts, 0, rng.choice(OFFSETS) if rng.random() < 0.05 else None),
                    "web": web, "amp": amp, "cdn": cdn,
                    "type": "article" if rng.random() < 0.93 else "video",
                    "pname": p["yname"], "pdom": p["domain"],
                    "quality": rng.randint(0, 100) if rng.random() < 0.85 else None,
                    "images": imgs, "internal": False,
                })
        return rel

    def render(self, i, fmt):
        """Return (relpath, text, stats) for article i."""
        a = self.arts[i]
        w = self.w
        rng = random.Random((self.seed << 24) ^ (i * 2654435761 & 0xFFFFFFFFFFFF))
        prov = w.providers[a["prov"]]
        topic0 = w.topics[a["topics"][0]]
        rel = self.related(rng, a)
        secured = None
        if rng.random() < 0.7:
            secured = (base64.b64encode(rng.randbytes(rng.randint(300, 700))).decode()
                       + ";" + base64.b64encode(rng.randbytes(16)).decode())
        body = ""
        if a["has_body"]:
            target = min(20000, max(200, int(rng.lognormvariate(8.0, 0.9))))
            body = make_body(rng, w, target, a["title"], topic0, prov["host"])
        date = self.date_str(a)
        relpath = self.rel_path(a)
        stats = (len(rel), sum(1 for r in rel if r["internal"]), len(body))
        if fmt == "ndjson":
            return relpath, self.to_json(a, prov, date, rel, secured, body, relpath), stats
        L = ["---", "category: " + a["cat"], "title: " + dq(a["title"]),
             "excerpt: " + dq(a["excerpt"]), "publishedDateTime: " + date,
             f'originalUrl: "{a["url"]}"', f'webUrl: "{a["web"]}"']
        if a["amp"]:
            L.append(f'ampWebUrl: "{a["amp"]}"')
            L.append(f'cdnAmpWebUrl: "{a["cdn"]}"')
        L.append("type: " + a["type"])
        if a["quality"] is not None:
            L.append(f"quality: {a['quality']}")
        if a["heat"] is not None:
            L.append(f"heat: {a['heat']}")
        L.append("published: " + ("true" if a["published"] else "false"))
        L.append("")
        L.append("provider:")
        L.append("  name: " + prov["yname"])
        L.append("  domain: " + prov["domain"])
        L.append("")
        L.append("topics:")
        for t in a["topics"]:
            L.append("  - " + w.ytopics[t])
        if a["images"]:
            L.append("")
            L.append("images:")
            for u, wd, ht, c in a["images"]:
                L.append(f'  - url: "{u}"')
                L.append(f"    width: {wd}")
                L.append(f"    height: {ht}")
                L.append("    isCached: " + ("true" if c else "false"))
        if rel:
            L.append("")
            L.append("related:")
            for r in rel:
                L.append("  - title: " + dq(r["title"]))
                L.append("    excerpt: " + dq(r["excerpt"]))
                L.append("    publishedDateTime: " + r["date"])
                L.append(f'    webUrl: "{r["web"]}"')
                if r["amp"]:
                    L.append(f'    ampWebUrl: "{r["amp"]}"')
                    L.append(f'    cdnAmpWebUrl: "{r["cdn"]}"')
                L.append("    type: " + r["type"])
                L.append("    provider:")
                L.append("      name: " + r["pname"])
                L.append("      domain: " + r["pdom"])
                if r["quality"] is not None:
                    L.append(f"    quality: {r['quality']}")
                if r["images"]:
                    L.append("    images:")
                    for u, wd, ht, c in r["images"]:
                        L.append(f'      - url: "{u}"')
                        L.append(f"        width: {wd}")
                        L.append(f"        height: {ht}")
                        L.append("        isCached: " + ("true" if c else "false"))
        if secured:
            L.append("")
            L.append(f'secured: "{secured}"')
        L.append("---")
        L.append("")
        text = "\n".join(L) + "\n" + body
        return relpath, text, stats

    def to_json(self, a, prov, date, rel, secured, body, relpath):
        w = self.w
        d = {"category": a["cat"], "title": a["title"], "excerpt": a["excerpt"],
             "publishedDateTime": date, "originalUrl": a["url"], "webUrl": a["web"]}
        if a["amp"]:
            d["ampWebUrl"] = a["amp"]
            d["cdnAmpWebUrl"] = a["cdn"]
        d["type"] = a["type"]
        if a["quality"] is not None:
            d["quality"] = a["quality"]
        if a["heat"] is not None:
            d["heat"] = a["heat"]
        d["published"] = a["published"]
        d["provider"] = {"name": prov["name"], "domain": prov["domain"]}
        d["topics"] = [w.topics[t] for t in a["topics"]]
        if a["images"]:
            d["images"] = [{"url": u, "width": wd, "height": ht, "isCached": c}
                           for u, wd, ht, c in a["images"]]
        if rel:
            rl = []
            for r in rel:
                e = {"title": r["title"], "excerpt": r["excerpt"],
                     "publishedDateTime": r["date"], "webUrl": r["web"]}
                if r["amp"]:
                    e["ampWebUrl"] = r["amp"]
                    e["cdnAmpWebUrl"] = r["cdn"]
                e["type"] = r["type"]
                pn = r["pname"]
                if pn.startswith('"'):
                    pn = json.loads(pn)
                e["provider"] = {"name": pn, "domain": r["pdom"]}
                if r["quality"] is not None:
                    e["quality"] = r["quality"]
                if r["images"]:
                    e["images"] = [{"url": u, "width": wd, "height": ht, "isCached": c}
                                   for u, wd, ht, c in r["images"]]
                rl.append(e)
            d["related"] = rl
        if secured:
            d["secured"] = secured
        d["path"] = relpath
        d["body"] = body
        return json.dumps(d, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------
# driver
# --------------------------------------------------------------------------

_CORPUS = None


def _render_chunk(args):
    lo, hi, fmt, out = args
    c = _CORPUS
    nrel = nint = nbody = nbytes = 0
    texts = [] if fmt == "ndjson" else None
    made = set()
    for i in range(lo, hi):
        relpath, text, (r, ri, bl) = c.render(i, fmt)
        nrel += r
        nint += ri
        nbody += 1 if bl else 0
        data = text.encode("utf-8")
        nbytes += len(data)
        if texts is not None:
            texts.append(data)
        else:
            d = relpath[:7]
            if d not in made:
                os.makedirs(os.path.join(out, d), exist_ok=True)
                made.add(d)
            fd = os.open(os.path.join(out, relpath), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
    return (b"".join(texts) if texts is not None else None), (nrel, nint, nbody, nbytes)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True,
                    help="output directory (md) or file/'-' (ndjson; a directory gets articles.ndjson)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--body-ratio", type=float, default=0.3)
    ap.add_argument("--format", choices=("md", "ndjson"), default="md")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="render processes (output does not depend on it)")
    ap.add_argument("--force", action="store_true",
                    help="replace an existing corpus directory made by this tool")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be >= 1")

    t0 = time.time()
    out = args.out
    ndjson_path = None
    if args.format == "md":
        if os.path.isdir(out) and os.listdir(out):
            if not args.force:
                sys.exit(f"gen_corpus: {out} is not empty (use --force to replace a corpus made by this tool)")
            if not os.path.exists(os.path.join(out, ".manifest.json")):
                sys.exit(f"gen_corpus: {out} has no .manifest.json; refusing to delete it")
            shutil.rmtree(out)
        os.makedirs(out, exist_ok=True)
    else:
        if out == "-":
            ndjson_path = "-"
        elif os.path.isdir(out) or out.endswith(("/", os.sep)):
            os.makedirs(out, exist_ok=True)
            ndjson_path = os.path.join(out, "articles.ndjson")
        else:
            d = os.path.dirname(out)
            if d:
                os.makedirs(d, exist_ok=True)
            ndjson_path = out

    global _CORPUS
    _CORPUS = c = Corpus(args.seed, args.count, args.body_ratio)
    t1 = time.time()

    n = args.count
    chunk = 2000
    tasks = [(lo, min(n, lo + chunk), args.format, out) for lo in range(0, n, chunk)]
    totals = [0, 0, 0, 0]
    sink = None
    if ndjson_path == "-":
        sink = sys.stdout.buffer
    elif ndjson_path:
        sink = open(ndjson_path, "wb")
    jobs = max(1, args.jobs)
    if jobs > 1 and len(tasks) > 1 and hasattr(os, "fork"):
        import multiprocessing as mp
        ctx = mp.get_context("fork")
        with ctx.Pool(jobs) as pool:
            results = pool.imap(_render_chunk, tasks)
            for blob, st in results:
                if sink is not None:
                    sink.write(blob)
                for k in range(4):
                    totals[k] += st[k]
    else:
        for t in tasks:
            blob, st = _render_chunk(t)
            if sink is not None:
                sink.write(blob)
            for k in range(4):
                totals[k] += st[k]
    if sink is not None and sink is not sys.stdout.buffer:
        sink.close()
    elif sink is not None:
        sink.flush()

    topic_counts = {}
    for a in c.arts:
        if a["dup_of"] is None:
            for t in a["topics"]:
                name = c.w.topics[t]
                topic_counts[name] = topic_counts.get(name, 0) + 1
    manifest = {
        "generator": "gen_corpus.py", "version": GENERATOR_VERSION,
        "seed": args.seed, "count": n, "body_ratio": args.body_ratio,
        "format": args.format,
        "files": n,
        "unique_original_urls": n - len(c.updates),
        "updates": len(c.updates),
        "files_with_body": totals[2],
        "bytes": totals[3],
        "related_entries": totals[0],
        "related_internal": totals[1],
        "providers": len(c.w.providers),
        "providers_used": len({a["prov"] for a in c.arts}),
        "topics": len(c.w.topics),
        "offset_dates": sum(1 for a in c.arts if a["off"] is not None),
        "unicode_titles": sum(1 for a in c.arts if a["uni"]),
        "update_list": [
            {"originalUrl": c.arts[i]["url"],
             "original": c.rel_path(c.arts[c.arts[i]["dup_of"]]),
             "update": c.rel_path(c.arts[i]),
             "heat_before": c.arts[c.arts[i]["dup_of"]]["heat"],
             "heat_after": c.arts[i]["heat"]}
            for i in c.updates],
        "topic_counts": dict(sorted(topic_counts.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    if args.format == "md":
        mpath = os.path.join(out, ".manifest.json")
    elif ndjson_path == "-":
        mpath = None
    else:
        mpath = ndjson_path + ".manifest.json"
    if mpath:
        with open(mpath, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=1)
            f.write("\n")
    t2 = time.time()
    if not args.quiet:
        print(f"gen_corpus: {n} files ({len(c.updates)} updates, {totals[2]} with body, "
              f"{totals[3] / 1e6:.1f} MB) -> {ndjson_path or out} "
              f"in {t2 - t0:.1f}s (skeleton {t1 - t0:.1f}s, render {t2 - t1:.1f}s, jobs {jobs})",
              file=sys.stderr)


if __name__ == "__main__":
    main()
