#ifndef HASHLAB_CZLIBSYSTEM_SHIM_H
#define HASHLAB_CZLIBSYSTEM_SHIM_H

#include <zlib.h>

/* inflateInit is a macro over inflateInit_ that passes the header's version and the
   stream size; Swift cannot call it directly. */
static inline int hashlab_inflate_init(z_streamp stream) {
    return inflateInit(stream);
}

#endif
