#ifndef HASHLAB_CBLAS_SHIM_H
#define HASHLAB_CBLAS_SHIM_H
#include <cblas.h>
#endif
