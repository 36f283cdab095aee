#!/usr/bin/env python3
"""Writes the MAT v5 seed inputs of the MATv5Fuzzer (Corpus/MATv5Fuzzer) with SciPy:
small files of the shapes and classes the importers read — double and single matrices,
integer labels, char arrays, a cell of strings, a sparse matrix — compressed (-v7) and
not (-v6). Run once; the outputs are committed."""
import os
import numpy as np
from scipy.io import savemat

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Corpus", "MATv5Fuzzer")
rng = np.random.default_rng(1)
variables = {
    "features": {"X": rng.standard_normal((6, 4)), "Y": rng.standard_normal((3, 6)).astype(np.float32)},
    "labels": {"L": np.array([[1, 0], [0, 1], [1, 1]], dtype=np.uint8), "y": np.arange(1, 7, dtype=np.int32)},
    "text": {"name": "awa2", "classes": np.array(["cat", "dog"], dtype=object)},
    "sparse": {"S": __import__("scipy.sparse", fromlist=["csc_matrix"]).csc_matrix(np.eye(4))},
    "mixed": {"X": np.ones((2, 3)), "att": rng.standard_normal((2, 5)), "allclasses_names": np.array(["a", "b"], dtype=object)},
}
for name, contents in variables.items():
    savemat(os.path.join(here, f"{name}-v7.mat"), contents, do_compression=True)
    savemat(os.path.join(here, f"{name}-v6.mat"), contents, do_compression=False)
