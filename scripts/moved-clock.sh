#!/usr/bin/env bash
# The default test suite with the clock moved (Debian's faketime): a year ahead, on 29 February,
# from 23:59 on 31 December across midnight, and across a daylight-saving change in New York.
# No test may depend on the date or hour it runs; this is the proof. Usage, from the repository:
#   bash scripts/moved-clock.sh [PYTHON]      (PYTHON defaults to .venv-test/bin/python)
# Needs `faketime` (apt-get install faketime). Exits non-zero if any run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv-test/bin/python}"
status=0
run() {
    local zone="$1" start="$2"
    echo "== TZ=$zone, clock starting at $start"
    if ! TZ="$zone" faketime "$start" "$python" -m pytest -q -p no:cacheprovider; then
        status=1
    fi
}
run UTC "$(date -u -d '+1 year' '+%Y-%m-%d %H:%M:%S')"
run UTC "2028-02-29 12:00:00"
run Europe/London "2026-12-31 23:59:00"
run America/New_York "2027-03-14 01:59:00"
run America/New_York "2027-11-07 01:30:00"
exit "$status"
