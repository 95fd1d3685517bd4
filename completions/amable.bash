# bash completion for amable. Installed as share/bash-completion/completions/amable.
_amable() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  fi
  local commands="audit batch merge summarize rules explain render diff help"
  local cmd="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      -*) ;;
      *) cmd=${words[i]}; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "$commands -h --help -V --version" -- "$cur"))
    return
  fi

  local crawl="--max-pages --max-depth --concurrency --per-host --timeout --delay --user-agent --ignore-robots --no-sitemap --insecure --cacert"
  local opts=""
  case $cmd in
    audit) opts="-f --format -o --output --fail-under $crawl -H --header --user --cookie --jobs --render --browser --render-tabs --render-timeout --render-max-pages --include --exclude --lang --report-lang --baseline --write-baseline --config --color -q --quiet -v --verbose" ;;
    batch) opts="--shard --out --out-dir --column --keep --shops-in-flight --shop-timeout --max-rate --row-facts --reports $crawl --render --browser --lang --report-lang --config -q --quiet" ;;
    merge) opts="-o --output --expect --missing --column -q --quiet" ;;
    summarize) opts="--by -f --format -o --output" ;;
    rules) opts="-f --format --report-lang --ids" ;;
    explain) opts="--report-lang" ;;
    render) opts="-f --format -o --output --color -q --quiet" ;;
    diff) opts="-f --format --max-drop --report-lang" ;;
    help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
  esac

  case $prev in
    -f|--format)
      case $cmd in
        audit|render) COMPREPLY=($(compgen -W "text json html markdown sarif junit" -- "$cur")) ;;
        summarize) COMPREPLY=($(compgen -W "text markdown json csv html" -- "$cur")) ;;
        rules) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        diff) COMPREPLY=($(compgen -W "text markdown json" -- "$cur")) ;;
      esac
      return ;;
    -o|--output|--config|--baseline|--write-baseline|--cacert|--out|--expect|--missing|--browser)
      COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    --out-dir|--reports)
      COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    --render) COMPREPLY=($(compgen -W "never auto always" -- "$cur")); return ;;
    --report-lang) COMPREPLY=($(compgen -W "auto en es" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "en es fr de it pt" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --row-facts) COMPREPLY=($(compgen -W "counts values" -- "$cur")); return ;;
    --by) COMPREPLY=($(compgen -W "tld language" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts -h --help" -- "$cur"))
  elif [[ $cmd == explain ]]; then
    COMPREPLY=($(compgen -W "$(amable rules --ids 2>/dev/null)" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
  fi
}
complete -F _amable amable
