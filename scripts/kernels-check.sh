#!/usr/bin/env bash
# The committed tables must not depend on the BLAS kernels (README, "Reproducibility").
# This regenerates the mfeat tables on a reduced grid (KERNELS_CHECK_ONLY, default seed 1)
# under hashlab's reproducible kernels (Haswell) and again under this CPU's own choice
# (HASHLAB_BLAS_KERNEL=native with OPENBLAS_CORETYPE unset) — or, when that is Haswell
# too, under Sandybridge's (AVX without FMA), which every AVX2 CPU runs — and compares
# every table with the Haswell one at tables-check's tolerance. KERNELS_CHECK_FAMILIES
# names other families to compare as well (e.g. "SkylakeX Sandybridge"). Exit 1 when a
# cell moved further.
set -euo pipefail
cd "$(dirname "$0")/.."
HASHLAB=${HASHLAB:-.build/release/hashlab}
read -r -a SPECS <<< "${MFEAT_SPECS:?names the mfeat specs, as MFEAT_SPECS in the Makefile (make kernels-check sets it)}"
ONLY=${KERNELS_CHECK_ONLY:-seed=1}
TOLERANCE=${KERNELS_CHECK_TOLERANCE:-0.002}
SCRATCH=.build/kernels-check
rm -rf "$SCRATCH" && mkdir -p "$SCRATCH"

# regenerate NAME [ENVIRONMENT…]: the reduced grid into $SCRATCH/NAME under ENVIRONMENT.
regenerate() {
    local name=$1
    shift
    echo "== $name: $(env "$@" "$HASHLAB" --version | grep '^BLAS kernels')"
    env "$@" "$HASHLAB" run "${SPECS[@]}" --only "$ONLY" --results "$SCRATCH/$name" > "$SCRATCH/$name.log" 2>&1 \
        || { tail -20 "$SCRATCH/$name.log"; exit 1; }
    env "$@" "$HASHLAB" report "${SPECS[@]}" --results "$SCRATCH/$name" >> "$SCRATCH/$name.log" 2>&1
}

regenerate reproducible
native=$(env -u OPENBLAS_CORETYPE HASHLAB_BLAS_KERNEL=native "$HASHLAB" --version \
    | sed -n 's/^BLAS kernels: [a-z]* (\(.*\))$/\1/p')
[ -n "$native" ] || { echo "kernels-check: cannot tell this CPU's kernel family from hashlab --version"; exit 1; }
if [ "$native" != Haswell ]; then families=("$native"); else families=(Sandybridge); fi
for family in ${KERNELS_CHECK_FAMILIES:-}; do
    [[ " ${families[*]} Haswell " == *" $family "* ]] || families+=("$family")
done
echo "this CPU's own kernels: $native; compared: Haswell against ${families[*]}"

status=0
for family in "${families[@]}"; do
    regenerate "$family" HASHLAB_BLAS_KERNEL=native OPENBLAS_CORETYPE="$family"
    for table in "$SCRATCH/reproducible/tables/"*.csv; do
        "$HASHLAB" diff "$table" "$SCRATCH/$family/tables/$(basename "$table")" --tolerance "$TOLERANCE" \
            > "$SCRATCH/diff.txt" 2>&1 || { echo "$family: $(basename "$table") moved:"; cat "$SCRATCH/diff.txt"; status=1; }
    done
    [ $status -eq 0 ] && echo "$family: every table within $TOLERANCE of Haswell's"
done
exit $status
