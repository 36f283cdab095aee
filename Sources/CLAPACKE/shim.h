#ifndef HASHLAB_CLAPACKE_SHIM_H
#define HASHLAB_CLAPACKE_SHIM_H
#include <lapacke.h>

/// `lapack_int` is a macro in lapacke_config.h; Swift sees only typedefs.
typedef lapack_int hashlab_lapack_int;
#endif
