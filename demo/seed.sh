#!/usr/bin/env bash
# Loads the seed scenario into a running infrashare, with the demo principals of the `demo` profile:
#   Shared Infra (ops) provisions a US VPC and an EKS cluster in staging and an EU VPC in its eu environment, and
#   shares them; ECommerce API takes the VPC and the cluster as staging's defaults, provisions its own cluster in
#   production (whose default VPC is the shared one), references the shared cluster from a preview environment,
#   and references an imported legacy database; Peering references the US and the EU VPC; Order Jobs runs on
#   ECommerce API's production cluster, shared with it.
# Each step carries an Idempotency-Key made of what it sends, so running the seed again after it was interrupted
# (within the command side's 48 hours of keys) replays the steps that were done, with their first answers and so
# the same ids, and does the rest.
# usage: demo/seed.sh [command-side URL, default http://localhost:8080]
set -euo pipefail

COMMAND="${1:-${COMMAND_URL:-http://localhost:8080}}"

fail() {
    echo "seed: $*" >&2
    exit 1
}

# the step's Idempotency-Key: the same request always gets the same key, another request another one
key_of() {
    local method="$1" path="$2" body="$3"
    echo "demo-seed $method $path $(printf '%s' "$body" | cksum | cut -d ' ' -f 1)"
}

# call <token> <method> <path> [json]: prints the body; fails on anything but a 2xx
call() {
    local token="$1" method="$2" path="$3" body="${4:-}" answer status
    local args=(-sS -X "$method" -H "Authorization: Bearer $token" -H "X-Reason: demo seed"
        -H "Idempotency-Key: $(key_of "$method" "$path" "$body")" -w '\n%{http_code}')
    [[ -z "$body" ]] || args+=(-H 'Content-Type: application/json' -d "$body")
    answer="$(curl "${args[@]}" "$COMMAND$path")" || fail "$method $path: no answer from $COMMAND"
    status="${answer##*$'\n'}"
    answer="${answer%$'\n'*}"
    if [[ "$status" == 409 && "$answer" == *idempotency-key-in-progress* ]]; then
        fail "$method $path: the command side was stopped while answering it, and keeps it unanswered for 48 hours;" \
            "remove the demo's data to start afresh"
    fi
    [[ "$status" == 2* ]] || fail "$method $path answered $status: $answer"
    printf '%s' "$answer"
}

# the "id" of a JSON answer, without needing jq: its first, the answer's own (the ids of the events it recorded,
# under "events", come after it)
id_of() {
    grep -o '"id":"[^"]*"' <<<"$1" | head -n 1 | cut -d'"' -f4
}

# Shared Infra: the ops team's networks and cluster
call dev-ops POST /projects '{"name":"Shared Infra","abbreviation":"si","ownerTeam":"ops"}' >/dev/null
call dev-ops POST /projects/si/environments '{"name":"Staging","abbreviation":"staging","labels":{"tier":"staging"}}' >/dev/null
call dev-ops POST /projects/si/environments '{"name":"EU","abbreviation":"eu","labels":{"region":"eu-west-1"}}' >/dev/null
call dev-ops POST /projects/si/packages '{"name":"vpc","bundle":"aws-vpc","resourceType":"aws-vpc"}' >/dev/null
call dev-ops POST /projects/si/packages '{"name":"eks","bundle":"aws-eks-cluster","resourceType":"kubernetes-cluster"}' >/dev/null
US_VPC="$(id_of "$(call dev-ops POST /environments/si-staging/resources \
    '{"package":"vpc","name":"US VPC","attributes":{"region":"us-east-1","cidr":"10.0.0.0/16"}}')")"
EKS="$(id_of "$(call dev-ops POST /environments/si-staging/resources \
    '{"package":"eks","name":"Shared EKS","attributes":{"region":"us-east-1","version":"1.31"}}')")"
EU_VPC="$(id_of "$(call dev-ops POST /environments/si-eu/resources \
    '{"package":"vpc","name":"EU VPC","attributes":{"region":"eu-west-1","cidr":"10.1.0.0/16"}}')")"

# ECommerce API and Peering, then the shares they need
call dev-ecomm POST /projects '{"name":"ECommerce API","abbreviation":"ecomm","ownerTeam":"ecommerce"}' >/dev/null
call dev-ops POST /projects '{"name":"Peering","abbreviation":"peering","ownerTeam":"ops"}' >/dev/null
call dev-ops PUT "/resources/$US_VPC/shares/ecomm" >/dev/null
call dev-ops PUT "/resources/$EKS/shares/ecomm" >/dev/null
call dev-ops PUT "/resources/$US_VPC/shares/peering" >/dev/null
call dev-ops PUT "/resources/$EU_VPC/shares/peering" >/dev/null

# ECommerce API: staging takes the shared VPC and cluster as defaults and the legacy database as a reference
call dev-ecomm POST /projects/ecomm/environments '{"name":"Staging","abbreviation":"staging","labels":{"tier":"staging"}}' >/dev/null
call dev-ecomm POST /projects/ecomm/environments '{"name":"Production","abbreviation":"production","labels":{"tier":"production"}}' >/dev/null
call dev-ecomm POST /projects/ecomm/packages '{"name":"cluster","bundle":"aws-eks-cluster","resourceType":"kubernetes-cluster"}' >/dev/null
call dev-ecomm POST /projects/ecomm/packages '{"name":"db","bundle":"aws-rds-postgres","resourceType":"postgresql"}' >/dev/null
LEGACY_DB="$(id_of "$(call dev-ecomm POST /projects/ecomm/resources \
    '{"type":"postgresql","name":"legacy orders db","attributes":{"host":"orders.legacy.internal"}}')")"
call dev-ecomm PUT /environments/ecomm-staging/defaults/aws-vpc "{\"resource\":\"$US_VPC\"}" >/dev/null
call dev-ecomm PUT /environments/ecomm-staging/defaults/kubernetes-cluster "{\"resource\":\"$EKS\"}" >/dev/null
call dev-ecomm PUT /environments/ecomm-staging/remote-references/db "{\"resource\":\"$LEGACY_DB\"}" >/dev/null
# production runs its own cluster in the shared VPC and uses the legacy database too
call dev-ecomm PUT /environments/ecomm-production/defaults/aws-vpc "{\"resource\":\"$US_VPC\"}" >/dev/null
PRODUCTION_EKS="$(id_of "$(call dev-ecomm POST /environments/ecomm-production/resources \
    '{"package":"cluster","name":"Production EKS","attributes":{"region":"us-east-1","version":"1.31"}}')")"
call dev-ecomm PUT /environments/ecomm-production/remote-references/db "{\"resource\":\"$LEGACY_DB\"}" >/dev/null
# a preview environment forked from staging references the shared cluster from its cluster package
call dev-ecomm POST /projects/ecomm/environments '{"name":"Preview PR 42","abbreviation":"pr42","forkOf":"ecomm-staging","labels":{"pull-request":"42"}}' >/dev/null
call dev-ecomm PUT /environments/ecomm-pr42/remote-references/cluster "{\"resource\":\"$EKS\"}" >/dev/null

# Peering: one environment referencing both VPCs
call dev-ops POST /projects/peering/environments '{"name":"Global","abbreviation":"global"}' >/dev/null
call dev-ops POST /projects/peering/packages '{"name":"usvpc","bundle":"aws-vpc","resourceType":"aws-vpc"}' >/dev/null
call dev-ops POST /projects/peering/packages '{"name":"euvpc","bundle":"aws-vpc","resourceType":"aws-vpc"}' >/dev/null
call dev-ops PUT /environments/peering-global/remote-references/usvpc "{\"resource\":\"$US_VPC\"}" >/dev/null
call dev-ops PUT /environments/peering-global/remote-references/euvpc "{\"resource\":\"$EU_VPC\"}" >/dev/null

# Order Jobs: the ecommerce team's batch jobs run on ECommerce API's production cluster, so a change to the shared
# VPC reaches them too, through that cluster
call dev-ecomm POST /projects '{"name":"Order Jobs","abbreviation":"jobs","ownerTeam":"ecommerce"}' >/dev/null
call dev-ecomm PUT "/resources/$PRODUCTION_EKS/shares/jobs" >/dev/null
call dev-ecomm POST /projects/jobs/environments '{"name":"Production","abbreviation":"production"}' >/dev/null
call dev-ecomm PUT /environments/jobs-production/defaults/kubernetes-cluster "{\"resource\":\"$PRODUCTION_EKS\"}" >/dev/null

echo "US_VPC=$US_VPC EU_VPC=$EU_VPC EKS=$EKS PRODUCTION_EKS=$PRODUCTION_EKS LEGACY_DB=$LEGACY_DB"
