#!/usr/bin/env bash
# Mutation testing (PIT) of the classes that decide: the status verdict and diagnosis, retries and rate limits,
# redaction and operator access. Prints the share of mutants killed per class (aim: at least 85 %) and every
# surviving mutant, so each can be judged: a missing test, or a harmless change (named in docs/benchmarks.md).
# Usage: bench/mutation.sh        (a few minutes on 2 cores; the HTML report lands in target/pit-reports/)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
./mvnw -q -B -ntp -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage > target/mutation.log 2>&1 \
  || { tail -50 target/mutation.log >&2; exit 1; }
python3 - target/pit-reports/mutations.xml <<'PY'
import sys, collections, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
per = collections.OrderedDict()
survivors = []
for m in root.iter('mutation'):
    cls = m.findtext('mutatedClass').split('$')[0]
    status = m.get('status')
    killed, total = per.get(cls, (0, 0))
    per[cls] = (killed + (status in ('KILLED', 'TIMED_OUT', 'MEMORY_ERROR')), total + 1)
    if status not in ('KILLED', 'TIMED_OUT', 'MEMORY_ERROR'):
        survivors.append((cls.rsplit('.', 1)[1], m.findtext('lineNumber'), status, m.findtext('description')))
print(f"{'class':<45} {'killed':>7} {'of':>5} {'score':>7}")
all_k = all_t = 0
for cls, (k, t) in sorted(per.items()):
    all_k += k; all_t += t
    print(f"{cls:<45} {k:>7} {t:>5} {100.0 * k / t:>6.1f}%")
print(f"{'all':<45} {all_k:>7} {all_t:>5} {100.0 * all_k / max(all_t, 1):>6.1f}%")
print("\nSurviving mutants (class:line status — what was changed):")
for s in survivors:
    print(f"  {s[0]}:{s[1]} {s[2]} — {s[3]}")
PY
echo "Run time: $((SECONDS - started)) s"
