#!/usr/bin/env bash
# CI step: installs a build into a temporary prefix and checks what a user and a developer get:
#   - the program, the man page, bash/zsh/fish completions, the headers and the CMake package;
#   - a small project outside the tree (tests/consumer) that finds the package with
#     find_package(newsdb), links newsdb::newsdb and parses samples/rtx-4090-china.md through
#     the library: its output is compared with the fields read from the file itself;
#   - the man page renders (man -l, groff) without a single warning;
#   - the .deb CPack makes declares its runtime dependencies and holds the program.
#
#   bash scripts/check-install.sh            (needs a build: bash scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
[ -x "$build/newsdb" ] || { echo "check-install.sh: no $build/newsdb: run 'bash scripts/build.sh' first" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/newsdb-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "check-install.sh: FAILED: $*" >&2; exit 1; }

cmake --build "$build" --target newsdb newsdb_man >/dev/null
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/newsdb share/man/man1/newsdb.1 share/bash-completion/completions/newsdb \
         share/zsh/site-functions/_newsdb share/fish/vendor_completions.d/newsdb.fish \
         include/newsdb/document.hpp lib/cmake/newsdb/newsdbConfig.cmake lib/libnewsdb_core.a; do
  [ -e "$prefix/$f" ] || fail "the install has no $f"
done
"$prefix/bin/newsdb" --version | grep -q '^newsdb [0-9]' || fail "the installed newsdb --version"
echo "install: the program, man page, completions, headers and CMake package are in place"

# The completions load: bash registers the function, zsh and fish read the files without error.
bash -c "source '$prefix/share/bash-completion/completions/newsdb' && complete -p newsdb" >/dev/null \
  || fail "the bash completion does not load"
command -v zsh >/dev/null || fail "no zsh to check the zsh completion with (bash scripts/install-deps.sh all)"
command -v fish >/dev/null || fail "no fish to check the fish completion with (bash scripts/install-deps.sh all)"
zsh -n "$prefix/share/zsh/site-functions/_newsdb" || fail "zsh completion syntax"
fish -n "$prefix/share/fish/vendor_completions.d/newsdb.fish" || fail "fish completion syntax"
# Loaded for real: zsh's completion system defines the function, fish lists the subcommands.
zsh -fc "fpath=('$prefix/share/zsh/site-functions' \$fpath); autoload -Uz compinit && compinit -u -d '$work/zcompdump' && (( \${+_comps[newsdb]} ))" \
  || fail "the zsh completion does not register newsdb"
fish -c "source '$prefix/share/fish/vendor_completions.d/newsdb.fish'; complete -C 'newsdb qu'" | grep -q '^query' \
  || fail "the fish completion does not complete 'newsdb qu' to query"

# The consumer, built against the installed package only.
cmake -S tests/consumer -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null \
  || fail "find_package(newsdb) in tests/consumer"
cmake --build "$work/consumer" >/dev/null || fail "building tests/consumer against the install"
seed=samples/rtx-4090-china.md
"$work/consumer/parse_article" "$seed" > "$work/parsed" || fail "parse_article $seed"
# What the file says, read with sed: the title, the URL (beebom's is already canonical), the
# provider's domain and the topic list.
field() { sed -n "s/^$1: //p" "$seed" | head -1 | sed 's/^"\(.*\)"$/\1/'; }
{
  field title
  field originalUrl
  field '  domain'
  sed -n '/^topics:/,/^$/s/^  - //p' "$seed" | paste -sd, -
} > "$work/expected"
diff -u "$work/expected" "$work/parsed" || fail "the consumer's reading of $seed"
echo "consumer: find_package(newsdb) + newsdb::newsdb parses $seed: $(head -1 "$work/parsed")"

# The man page renders without warnings.
page=$prefix/share/man/man1/newsdb.1
groff -man -Tutf8 -ww -z "$page" 2> "$work/groff.err" || fail "groff exited non-zero"
[ ! -s "$work/groff.err" ] || { cat "$work/groff.err" >&2; fail "groff warns about the man page"; }
MANWIDTH=80 man --warnings -l "$page" > "$work/man.txt" 2> "$work/man.err" || fail "man -l exited non-zero"
[ ! -s "$work/man.err" ] || { cat "$work/man.err" >&2; fail "man -l warns about the man page"; }
grep -q 'COMMANDS' "$work/man.txt" || fail "the man page has no COMMANDS section"
echo "man page: $(wc -l < "$work/man.txt") lines, no warnings"

# The .deb: its control fields declare the libraries the program needs.
(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null 2>&1) || fail "cpack -G DEB"
deb=$(ls "$work"/deb/*.deb)
dpkg-deb -I "$deb" > "$work/control"
depends=$(sed -n 's/^ Depends: //p' "$work/control")
echo "deb: $(basename "$deb"): Depends: $depends"
for lib in libc6 libcurl4 libxml2 libarchive13 libpq5 libidn2-0; do
  [[ ", $depends," == *", $lib"[\ ,]* ]] || fail "the .deb does not depend on $lib"
done
dpkg-deb -c "$deb" > "$work/contents"
grep -q '\./usr/bin/newsdb$' "$work/contents" || fail "the .deb holds no usr/bin/newsdb"
grep -q '\./usr/share/man/man1/newsdb.1' "$work/contents" || fail "the .deb holds no man page"
echo "check-install: all good"
