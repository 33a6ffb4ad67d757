# Sourced by serve-bench.sh and log-soak.sh: registers three Titanic models in a store and applies the deployment
# both benchmarks serve (champion and challenger 90/10 sticky by X-Customer-Id, the notebook's model as a shadow).
# Usage: deploy_titanic <gangway cli dll> <store uri> <folder for deployment.yaml> <reason recorded with the aliases>
deploy_titanic() {
  local cli=$1 store=$2 folder=$3 reason=$4
  register() { # $1 spec, $2 alias
    local run version
    run=$(GANGWAY_STORE="$store" dotnet "$cli" train --spec "examples/titanic/$1.yaml" --data examples/titanic/data/train.csv --json -q | sed -n 's/.*"run_id":"\([0-9a-f]*\)".*/\1/p')
    version=$(GANGWAY_STORE="$store" dotnet "$cli" models register --run "$run" --name titanic --json | sed -n 's/.*"version":\([0-9]*\).*/\1/p')
    GANGWAY_STORE="$store" dotnet "$cli" models promote titanic --version "$version" --alias "$2" --force --reason "$reason" -q > /dev/null
  }
  register titanic champion; register titanic challenger; register baseline candidate
  cat > "$folder/deployment.yaml" <<'YAML'
model: titanic
variants:
  - { name: champion,   model: titanic@champion,   weight: 90 }
  - { name: challenger, model: titanic@challenger, weight: 10 }
shadow: [ { name: candidate, model: titanic@candidate } ]
sticky: { header: X-Customer-Id }
YAML
  GANGWAY_STORE="$store" dotnet "$cli" deploy apply "$folder/deployment.yaml" -q > /dev/null
}
