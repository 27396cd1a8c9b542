#ifndef ARTICLED_CZLIB_SHIM_H
#define ARTICLED_CZLIB_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro; Swift cannot call macros. */
static inline int articled_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
