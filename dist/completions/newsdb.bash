# bash completion for newsdb (installed as share/bash-completion/completions/newsdb)
_newsdb() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
  }
  local commands="import check query search show related providers topics categories stats
    export errors sql fetch sources migrate help"
  local filters="--topic -t --provider -p --category --since --until --min-quality --min-heat
    --published --type --limit -n --offset --sort --format -f"
  case $prev in
    --db) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --format|-f) COMPREPLY=($(compgen -W "table text tsv csv json ndjson frontmatter urls" -- "$cur")); return ;;
    --sort) COMPREPLY=($(compgen -W "newest oldest heat quality relevance" -- "$cur")); return ;;
    --out) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  local command="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      --db) ((i++)) ;;
      -*) ;;
      *) command=${words[i]}; break ;;
    esac
  done
  if [ -z "$command" ]; then
    COMPREPLY=($(compgen -W "$commands --db --help --version" -- "$cur"))
    return
  fi
  local options
  case $command in
    import) options="--jobs -j --report --dry-run -n" ;;
    check) options="--jobs -j --report" ;;
    query) options="$filters --count" ;;
    export) options="$filters --out" ;;
    stats) options="$filters --by" ;;
    search) options="$filters --raw" ;;
    providers|topics|categories) options="$filters --top" ;;
    sources) options="add list remove --every" ;;
    fetch) options="--all --timeout --connect-timeout --retries --jobs" ;;
    migrate) options="--from --to" ;;
    help) options=$commands ;;
    *) options="--format -f" ;;
  esac
  if [[ $cur == -* || $command == help || $command == sources ]]; then
    COMPREPLY=($(compgen -W "$options --help" -- "$cur"))
  elif [[ $command == import || $command == check ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _newsdb newsdb
